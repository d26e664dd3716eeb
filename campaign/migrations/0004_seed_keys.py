"""Each seed row learns which content file it came from (seed_key) and, if it still holds
exactly what the first loader put there, the fingerprint of that (seed_hash): later loads then
bring it up to date with the files. A row an editor changed keeps no fingerprint, so no load
ever overwrites it. The fingerprints below are those of the seed as loaded before the content
became text files (campaign.seed.fingerprint)."""

from django.db import migrations

from campaign.migrations._seed import fingerprint

LANGS = ("fr", "nl", "en")


def _names(shared, translated):
    return [*shared, *(f"{name}_{lang}" for name in translated for lang in LANGS)]


FIELDS = {
    "pages": _names(["order"], ["title", "summary", "body"]),
    "figures": _names(["order"], ["value", "label"]),
    "partners": _names(["order", "category", "website"], ["name", "description"]),
    "articles": _names(["published_at"], ["title", "slug", "summary", "body", "image_alt"]),
}
ORIGINAL = {
    "pages": {
        "campaign": "00d2c21ef19a0a0f7a9c6571c901149949ca5f5aa851be0e4f41013ff5ee9f3c",
        "exploitation": "b01a36f5998f5ee3715266a1631d9d2bbaec44d22333476339d8290c13a095ba",
        "how-to-act": "885ded0963de28b3ba824e3136e18d73839762e83bcdc509c8181ba6645ca447",
        "the-code": "8bca16fea3fecb987fd9f5cbef562b1326a2529581f13a24357d3f03b9cf8f3c",
        "projects": "f95a7f4840168c4a0df060584819cf40a6648ac88d3b4e48721bba6a6eea484c",
        "privacy": "9fea792ac549a540ac2adec51895d2eb06e51f07656a8b54d8f65b0e42a890c6"
    },
    "figures": {
        "01": "c341ac55f0ad222b51d4a4a1c780803486865531a692a3bca9a3e66a0bc98654",
        "02": "957c4f43f502931eaebe1ef1540bc37899c43f10a57ab1f196f1e68d11eb8426",
        "03": "78ec6d9675b693f2206a851be9d860cab289e18729a1792d6a45a8636293405c",
        "04": "525ed83f09a851ca33d8fa35bbacdf8978f7104f14f12b0840455b549fb7b618",
        "05": "19e2185b31d8e0fb43db6e981702472462784059d2a85a6c84b397f25ce36624",
        "06": "ab7156dd96a1c3e531d52aacd561208b2b46d280e55adb072027a1c0d77c16c6"
    },
    "partners": {
        "ecpat-belgium": "252b46295c1a094f6dd88f57b430a19e2cb067f04dbccfca12691568f36ed63b",
        "federal-police": "2afd8f0ee62f7cab4060c7bea4daeecfe88ed13c756b4af7217f4878093ddf19",
        "defence": "f2248cd5f11471e22685f41e2b37e9388c2260db1d2c51d5c814f5fbc590f98c",
        "foreign-affairs": "965208e45f2d539a311c5b0f63ab6334a62e297cbdda2a969f46b4a08cd25cfe",
        "justice": "8836220112ae38c7515f76be0e2390b8824e682c088922072cbd26cee4d00d83",
        "fit": "be70d3c4ee4dc239429686ff1aa5f17a6c1827ed7ee326cd63b8027bcd6b9d8f",
        "febetra": "0ec0c03f3d1239b4b261ef597f1873658c073a3fa24d77cf4297b8e3bf10c337",
        "plan-belgium": "6a75a23a0f58cb09e87b5f3b7817e2410098f712605da3d486f089d0fd9cc775",
        "child-focus": "d677bedcfe987e123f5dafcb42ca20fe6fc5dea5a486aca845cd91859b456b2b",
        "samilia": "0cb0142a7d9a911231d306c5e824f54fe5ed96462da6fd92a4ddaa57c3c72733",
        "now-be": "defdadc51bf5b695a35a99cb6e5b6f6e105b36c6743f86097d11bb5e675adc6e"
    },
    "articles": {
        "campagne-dont-lose-evenements-sportifs": "87af84ebcde8e6ceb5aba4bfd69a9b99115162b68537ecc2fa864ac43a1b0573",
        "conference-finale-du-projet-make-it-safe": "29a9537b01d93a6970d8f47013ee0b5f6f39039addcfebf46b93013ef9a57ffb",
        "convention-de-new-york-65-ans-apres": "d997db2b87b29dc5e1834d1a62484a75105beef8081d10c722693d9ca5e89c6f",
        "didier-reynders-dit-stop": "9885d70a9bd22b4247b32d8a44cf858d236f32a651469b6b3a17a862cecc8fe1"
    }
}


def mark(apps, schema_editor):
    models = {
        "pages": (apps.get_model("campaign", "Page"), lambda row: row.slug),
        "figures": (apps.get_model("campaign", "KeyFigure"), lambda row: f"{row.order:02d}"),
        "partners": (apps.get_model("partners", "Partner"), lambda row: row.slug),
        "articles": (apps.get_model("campaign", "Article"), lambda row: row.slug_fr),
    }
    for kind, (model, key_of) in models.items():
        for row in model.objects.all():
            key = key_of(row)
            if key not in ORIGINAL[kind]:
                continue  # an editor's own row: not from the seed
            row.seed_key = key
            current = fingerprint({name: getattr(row, name) for name in FIELDS[kind]})
            row.seed_hash = current if current == ORIGINAL[kind][key] else ""
            row.save(update_fields=["seed_key", "seed_hash"])


class Migration(migrations.Migration):
    dependencies = [
        ("campaign", "0003_article_seed_hash_article_seed_key_and_more"),
        ("partners", "0003_partner_seed_hash_partner_seed_key"),
    ]

    operations = [migrations.RunPython(mark, migrations.RunPython.noop)]
