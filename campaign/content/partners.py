# ruff: noqa: RUF001
"""Seed members and supporters of the STOP group, loaded by `manage.py load_demo`.

Written from the partners page of the former jedisstop.be site, with names from the shared
glossary. Quoted statements are the words of each partner, translated. The FIT has no confirmed
Dutch or English name: its French name is kept, with a plain translation in brackets.
Descriptions are plain text on one line (the partners page keeps line breaks).
"""

PARTNERS = [
    {
        "slug": "ecpat-belgium",
        "order": 1,
        "category": "ngo",
        "name": {"fr": "ECPAT Belgique", "nl": "ECPAT België", "en": "ECPAT Belgium"},
        "description": {
            "fr": (
                "ECPAT Belgique fait partie du réseau ECPAT International, le seul réseau "
                "international entièrement dédié à la lutte contre l’exploitation sexuelle "
                "commerciale des enfants, qui compte aujourd’hui 102 membres. Depuis 2004, ECPAT "
                "Belgique coordonne la campagne « Je dis STOP ! »."
            ),
            "nl": (
                "ECPAT België maakt deel uit van het netwerk ECPAT International, het enige "
                "internationale netwerk dat zich volledig toelegt op de strijd tegen commerciële "
                "seksuele uitbuiting van kinderen en dat vandaag 102 leden telt. Sinds 2004 "
                "coördineert ECPAT België de campagne “Ik zeg STOP!”."
            ),
            "en": (
                "ECPAT Belgium is part of ECPAT International, the only international network "
                "entirely dedicated to fighting the commercial sexual exploitation of children, "
                "which today has 102 members. ECPAT Belgium has coordinated the ‘I say STOP!’ "
                "campaign since 2004."
            ),
        },
        "website": "https://www.ecpat.be",
    },
    {
        "slug": "federal-police",
        "order": 2,
        "category": "public",
        "name": {"fr": "Police fédérale", "nl": "Federale Politie", "en": "Federal Police"},
        # The source page has no text for the Police: this states only what the sources say.
        "description": {
            "fr": (
                "La Police fédérale est membre du Groupe STOP. Sa cellule Traite des êtres humains "
                "reçoit les informations sur des cas d’exploitation sexuelle d’enfants recueillies "
                "par les ambassades et consulats belges et transmises par le SPF Affaires "
                "étrangères. ECPAT Belgique lui transmet aussi les signalements faits sur ce site "
                "pour des faits commis en Belgique."
            ),
            "nl": (
                "De Federale Politie is lid van de groep STOP. Haar cel mensenhandel ontvangt de "
                "informatie over gevallen van seksuele uitbuiting van kinderen die de Belgische "
                "ambassades en consulaten verzamelen en die de FOD Buitenlandse Zaken doorstuurt. "
                "ECPAT België bezorgt haar ook de meldingen op deze website over feiten in België."
            ),
            "en": (
                "The Federal Police is a member of the STOP group. Its human trafficking unit "
                "receives the information on cases of child sexual exploitation gathered by "
                "Belgian embassies and consulates and forwarded by FPS Foreign Affairs. ECPAT "
                "Belgium also passes on to the Federal Police the reports made on this website "
                "about situations in Belgium."
            ),
        },
        "website": "https://www.police.be",
    },
    {
        "slug": "defence",
        "order": 3,
        "category": "public",
        "name": {"fr": "La Défense", "nl": "Defensie", "en": "Defence"},
        "description": {
            "fr": (
                "La Défense entend s’opposer activement à l’exploitation de l’homme par l’homme, à "
                "plus forte raison lorsque les victimes sont des enfants. C’est dans une "
                "perspective préventive qu’elle soutient largement et solidairement cette campagne "
                "de sensibilisation."
            ),
            "nl": (
                "Defensie wil zich actief verzetten tegen de uitbuiting van de mens door de mens, "
                "en al zeker wanneer de slachtoffers kinderen zijn. Vanuit een preventief oogpunt "
                "steunt Defensie deze sensibiliseringscampagne dan ook ten volle en uit "
                "solidariteit."
            ),
            "en": (
                "Defence is determined to actively oppose the exploitation of human beings by "
                "others, all the more so when the victims are children. With prevention in mind, "
                "it gives this awareness campaign its broad and wholehearted support."
            ),
        },
        "website": "https://www.mil.be",
    },
    {
        "slug": "foreign-affairs",
        "order": 4,
        "category": "public",
        "name": {
            "fr": "SPF Affaires étrangères",
            "nl": "FOD Buitenlandse Zaken",
            "en": "FPS Foreign Affairs",
        },
        "description": {
            "fr": (
                "Le SPF Affaires étrangères forme et sensibilise son personnel envoyé à "
                "l’étranger, et ses ambassades et consulats assurent la promotion des campagnes de "
                "sensibilisation. Il transmet à la cellule Traite des êtres humains de la Police "
                "fédérale les informations recueillies par ses ambassades et consulats sur des cas "
                "d’exploitation sexuelle d’enfants, et participe à des conférences et à la "
                "négociation de conventions sur ce thème."
            ),
            "nl": (
                "De FOD Buitenlandse Zaken leidt zijn personeel dat naar het buitenland vertrekt "
                "op en maakt het bewust van het probleem, en zijn ambassades en consulaten "
                "promoten de sensibiliseringscampagnes. De FOD bezorgt de informatie die zijn "
                "ambassades en consulaten verzamelen over gevallen van seksuele uitbuiting van "
                "kinderen aan de cel mensenhandel van de Federale Politie, en neemt deel aan "
                "conferenties en aan onderhandelingen over verdragen rond dit thema."
            ),
            "en": (
                "FPS Foreign Affairs trains and briefs its staff posted abroad, and its embassies "
                "and consulates promote the awareness campaigns. It forwards the information its "
                "embassies and consulates gather on cases of child sexual exploitation to the "
                "Federal Police’s human trafficking unit, and takes part in conferences and in "
                "negotiating conventions on the subject."
            ),
        },
        "website": "https://diplomatie.belgium.be",
    },
    {
        "slug": "justice",
        "order": 5,
        "category": "public",
        "name": {
            "fr": "SPF Justice – Service de la Politique criminelle",
            "nl": "FOD Justitie – Dienst voor het Strafrechtelijk Beleid",
            "en": "FPS Justice – Criminal Policy Department",
        },
        "description": {
            "fr": (
                "« Le Service de la Politique criminelle est un partenaire important pour les "
                "différentes autorités et ONG dans la recherche de solutions visant à protéger les "
                "enfants dans la société. Mieux vaut prévenir que guérir. Aussi le Service est-il "
                "convaincu que des campagnes telles que “Je dis STOP !” sont nécessaires. »"
            ),
            "nl": (
                "“De Dienst voor het Strafrechtelijk Beleid is een belangrijke partner voor de "
                "verschillende overheden en ngo’s bij het zoeken naar oplossingen om kinderen in "
                "de samenleving te beschermen. Voorkomen is beter dan genezen. Daarom is de Dienst "
                "ervan overtuigd dat campagnes zoals ‘Ik zeg STOP!’ nodig zijn.”"
            ),
            "en": (
                "‘The Criminal Policy Department is an important partner for the various "
                "authorities and NGOs in the search for solutions to protect children in society. "
                "Prevention is better than cure. The Department is therefore convinced that "
                "campaigns such as “I say STOP!” are needed.’"
            ),
        },
        "website": "https://justice.belgium.be",
    },
    {
        "slug": "fit",
        "order": 6,
        "category": "private",
        "name": {
            "fr": "Fédération de l’Industrie du Tourisme (FIT)",
            "nl": (
                "Fédération de l’Industrie du Tourisme (FIT, federatie van de toeristische sector)"
            ),
            "en": "Fédération de l’Industrie du Tourisme (FIT, tourism industry federation)",
        },
        "description": {
            "fr": (
                "« En apportant sa contribution à cette campagne, l’industrie touristique souhaite "
                "prendre clairement position dans la lutte contre la prostitution infantile et "
                "ajouter sa pierre à l’édifice en assurant une meilleure information du "
                "voyageur. »"
            ),
            "nl": (
                "“Met haar bijdrage aan deze campagne wil de toeristische sector duidelijk positie "
                "innemen in de strijd tegen kinderprostitutie en haar steentje bijdragen door "
                "reizigers beter te informeren.”"
            ),
            "en": (
                "‘By contributing to this campaign, the tourism industry wants to take a clear "
                "stand in the fight against child prostitution and play its part by keeping "
                "travellers better informed.’"
            ),
        },
        "website": "",
    },
    {
        "slug": "febetra",
        "order": 7,
        "category": "private",
        "name": {
            "fr": (
                "FEBETRA – Fédération royale belge des transporteurs et des prestataires de "
                "services logistiques"
            ),
            "nl": (
                "FEBETRA – Koninklijke Federatie van Belgische Transporteurs en Logistieke "
                "Dienstverleners"
            ),
            "en": (
                "FEBETRA – Royal Belgian Federation of Transporters and Logistics Service Providers"
            ),
        },
        "description": {
            "fr": (
                "La FEBETRA défend les intérêts du secteur du transport routier de marchandises et "
                "de la logistique pour compte de tiers. Elle soutient le Groupe STOP depuis 2004."
            ),
            "nl": (
                "FEBETRA verdedigt de belangen van de sector van het goederenvervoer over de weg "
                "en de logistiek voor rekening van derden. De federatie steunt de groep STOP sinds "
                "2004."
            ),
            "en": (
                "FEBETRA represents the interests of the road haulage and third-party logistics "
                "sector. It has supported the STOP group since 2004."
            ),
        },
        "website": "https://www.febetra.be",
    },
    {
        "slug": "plan-belgium",
        "order": 8,
        "category": "ngo",
        "name": {"fr": "Plan Belgique", "nl": "Plan België", "en": "Plan Belgium"},
        "description": {
            "fr": (
                "« L’ONG Plan Belgique, membre de la coupole Plan International, est active dans "
                "50 pays à travers le monde. S’engageant principalement auprès des enfants, Plan "
                "Belgique est souvent confrontée aux différentes formes d’exploitation, telles que "
                "la prostitution enfantine. C’est pourquoi nous continuons de soutenir cette "
                "campagne, qui lutte pour que les droits de chaque enfant soient respectés – "
                "notamment le droit à la santé sexuelle et reproductive, ainsi que le droit à la "
                "survie et à la protection contre toute forme de violence. »"
            ),
            "nl": (
                "“De ngo Plan België, lid van de koepel Plan International, is actief in 50 landen "
                "over de hele wereld. Omdat Plan België zich vooral voor kinderen inzet, krijgt de "
                "organisatie vaak te maken met verschillende vormen van uitbuiting, zoals "
                "kinderprostitutie. Daarom blijven we deze campagne steunen, die ervoor strijdt "
                "dat de rechten van elk kind gerespecteerd worden – met name het recht op seksuele "
                "en reproductieve gezondheid, het recht om te overleven en het recht op "
                "bescherming tegen elke vorm van geweld.”"
            ),
            "en": (
                "‘The NGO Plan Belgium, part of the Plan International umbrella organisation, is "
                "active in 50 countries around the world. As it works mainly with children, Plan "
                "Belgium often comes up against different forms of exploitation, such as child "
                "prostitution. That is why we continue to support this campaign, which fights for "
                "the rights of every child to be respected – in particular the right to sexual and "
                "reproductive health, and the right to survival and to protection from all forms "
                "of violence.’"
            ),
        },
        "website": "https://www.planinternational.be",
    },
    {
        "slug": "child-focus",
        "order": 9,
        "category": "ngo",
        "name": {
            "fr": "Child Focus – Fondation pour Enfants Disparus et Sexuellement Exploités",
            "nl": "Child Focus – Stichting voor Vermiste en Seksueel Uitgebuite Kinderen",
            "en": "Child Focus – Foundation for Missing and Sexually Exploited Children",
        },
        "description": {
            "fr": (
                "L’exploitation sexuelle des enfants peut prendre différentes formes, comme la "
                "pornographie, la prostitution ou le tourisme sexuel, sur internet comme ailleurs. "
                "Pour Child Focus, la Convention de Lanzarote (2007), qui met l’accent sur la "
                "prévention et la répression, la protection des droits des victimes et la "
                "promotion de la collaboration nationale et internationale, est un important fil "
                "rouge. C’est dans cet esprit de collaboration que Child Focus accorde une grande "
                "importance à la campagne « Je dis STOP ! » : ce n’est qu’en travaillant main dans "
                "la main que l’on pourra intensifier la lutte contre l’exploitation sexuelle des "
                "enfants, sur internet ou ailleurs."
            ),
            "nl": (
                "Seksuele uitbuiting van kinderen kan verschillende vormen aannemen, zoals "
                "pornografie, prostitutie of sekstoerisme, online en offline. Voor Child Focus is "
                "het Verdrag van Lanzarote (2007), dat de nadruk legt op preventie en bestraffing, "
                "de bescherming van de rechten van slachtoffers en de bevordering van nationale en "
                "internationale samenwerking, een belangrijke rode draad. Vanuit die "
                "samenwerkingsgedachte hecht Child Focus veel belang aan de campagne “Ik zeg "
                "STOP!”: alleen door de handen in elkaar te slaan, kunnen we de strijd tegen "
                "seksuele uitbuiting van kinderen, online en offline, opvoeren."
            ),
            "en": (
                "The sexual exploitation of children can take many forms, such as pornography, "
                "prostitution or sex tourism, online and offline. For Child Focus, the Lanzarote "
                "Convention (2007), which emphasises prevention and prosecution, the protection of "
                "victims’ rights and the promotion of national and international cooperation, is "
                "an important common thread. In that spirit of cooperation, Child Focus attaches "
                "great importance to the ‘I say STOP!’ campaign: only by working hand in hand can "
                "we step up the fight against the sexual exploitation of children, online and "
                "elsewhere."
            ),
        },
        "website": "https://www.childfocus.be",
    },
    {
        "slug": "samilia",
        "order": 10,
        "category": "ngo",
        "name": {
            "fr": "Fondation Samilia",
            "nl": "Samilia Foundation",
            "en": "Samilia Foundation",
        },
        "description": {
            "fr": (
                "« Le commerce du sexe est devenu particulièrement rentable pour les trafiquants, "
                "qui n’hésitent pas à recruter des proies faciles comme les enfants. C’est "
                "pourquoi il était primordial pour la Fondation Samilia de soutenir la campagne "
                "“Je dis STOP !”. »"
            ),
            "nl": (
                "“De sekshandel is bijzonder lucratief geworden voor mensenhandelaars, die niet "
                "aarzelen om makkelijke prooien zoals kinderen te ronselen. Daarom was het voor de "
                "Samilia Foundation van wezenlijk belang om de campagne ‘Ik zeg STOP!’ te "
                "steunen.”"
            ),
            "en": (
                "‘The sex trade has become extremely profitable for traffickers, who do not "
                "hesitate to recruit easy prey such as children. That is why it was essential for "
                "the Samilia Foundation to support the “I say STOP!” campaign.’"
            ),
        },
        "website": "",
    },
    {
        "slug": "now-be",
        "order": 11,
        "category": "supporter",
        "name": {"fr": "Now.be", "nl": "Now.be", "en": "Now.be"},
        "description": {
            "fr": (
                "Now.be soutient ECPAT depuis 2001 dans son combat contre l’exploitation sexuelle "
                "des enfants à des fins commerciales. Il accompagne l’association dans le "
                "développement de ses sites internet et de ses supports de communication, et la "
                "guide dans l’évolution des nouvelles technologies. Pour Now.be, le projet « Je "
                "dis STOP ! » marque un tournant dans l’action d’ECPAT, et il était légitime d’en "
                "faire partie."
            ),
            "nl": (
                "Now.be steunt ECPAT sinds 2001 in de strijd tegen commerciële seksuele uitbuiting "
                "van kinderen. Now.be begeleidt de vzw bij de ontwikkeling van haar websites en "
                "communicatiemiddelen, en helpt haar de evolutie van nieuwe technologieën te "
                "volgen. Voor Now.be betekent het project “Ik zeg STOP!” een keerpunt in de strijd "
                "van ECPAT, en het was dan ook vanzelfsprekend om eraan mee te werken."
            ),
            "en": (
                "Now.be has supported ECPAT since 2001 in its fight against the commercial sexual "
                "exploitation of children, helping the organisation develop its websites and "
                "communication materials and guiding it through new technologies. For Now.be, the "
                "‘I say STOP!’ project marks a turning point in ECPAT’s work, and it was only "
                "right to be part of it."
            ),
        },
        "website": "https://www.now.be",
    },
]
