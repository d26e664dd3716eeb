# ruff: noqa: RUF001
"""Seed key figures, loaded by `manage.py load_demo` (see campaign.seed).

The six figures of the ECPAT Belgique leaflet (section ECPAT en quelques chiffres). Values above
9,999 are written the way each language groups thousands; the others are the same in all three.
"""

FIGURES = [
    {
        "value": {"fr": "1993", "nl": "1993", "en": "1993"},
        "order": 1,
        "label": {
            "fr": "Création d’ECPAT Belgique",
            "nl": "Oprichting van ECPAT België",
            "en": "ECPAT Belgium founded",
        },
    },
    {
        "value": {"fr": "102 911", "nl": "102.911", "en": "102,911"},
        "order": 2,
        "label": {
            "fr": "Pétitions signées contre la traite des enfants",
            "nl": "Ondertekende petities tegen kinderhandel",
            "en": "Petitions signed against child trafficking",
        },
    },
    {
        "value": {"fr": "102", "nl": "102", "en": "102"},
        "order": 3,
        "label": {
            "fr": "Membres d’ECPAT International",
            "nl": "Leden van ECPAT International",
            "en": "Members of ECPAT International",
        },
    },
    {
        "value": {"fr": "410", "nl": "410", "en": "410"},
        "order": 4,
        "label": {
            "fr": "Professionnels formés chaque année",
            "nl": "Professionals die elk jaar een opleiding krijgen",
            "en": "Professionals trained every year",
        },
    },
    {
        "value": {"fr": "76", "nl": "76", "en": "76"},
        "order": 5,
        "label": {
            "fr": "Hôtels et écoles partenaires",
            "nl": "Partnerhotels en -scholen",
            "en": "Partner hotels and schools",
        },
    },
    {
        "value": {"fr": "2500", "nl": "2500", "en": "2500"},
        "order": 6,
        "label": {
            "fr": "Enfants bénéficiaires des projets d’ECPAT Belgique",
            "nl": "Kinderen die baat hebben bij de projecten van ECPAT België",
            "en": "Children benefiting from ECPAT Belgium’s projects",
        },
    },
]
