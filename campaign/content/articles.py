# ruff: noqa: RUF001
"""Seed news articles, loaded by `manage.py load_demo` (see campaign.seed).

The four articles of the news page of the former jedisstop.be site, newest first. The sources
give a day and a month but never a year (and none at all for the last one): the years below are
placeholders that keep the original order, as the comments on each date say.
"""

_MAKE_IT_SAFE_FR = """\
Les 17 et 18 novembre s’est tenue à Bruxelles la conférence de clôture du projet Make-IT-Safe.

Elle a rassemblé des jeunes, des coachs et les équipes ECPAT des cinq pays participants (Allemagne,
Autriche, Belgique, Pays-Bas et Royaume-Uni), afin de partager les expériences menées au niveau
national et de réfléchir ensemble à l’avenir du projet.

Des représentants du Conseil de l’Europe, de la Commission européenne, du Délégué général aux
droits de l’enfant, d’EU Kids Online et de Rutgers WPF ont également participé à une session
interactive avec les jeunes sur les moyens de garantir la sécurité en ligne.

La participation a été le maître mot de cette conférence : les jeunes ont pris une part active à sa
préparation et aux différentes sessions.

Les deux peer experts belges ont été ravis de l’expérience, et les outils créés en Belgique ont
rencontré un franc succès !
"""

_MAKE_IT_SAFE_NL = """\
Op 17 en 18 november vond in Brussel de slotconferentie van het project Make-IT-Safe plaats.

Jongeren, coaches en de ECPAT-teams uit de vijf deelnemende landen (Duitsland, Oostenrijk, België,
Nederland en het Verenigd Koninkrijk) kwamen er samen om hun ervaringen op nationaal niveau te
delen en samen na te denken over de toekomst van het project.

Vertegenwoordigers van de Raad van Europa, de Europese Commissie, de Franstalige
kinderrechtencommissaris (Délégué général aux droits de l’enfant), EU Kids Online en Rutgers WPF
namen ook deel aan een interactieve sessie met de jongeren over de manier waarop online veiligheid
gewaarborgd kan worden.

Participatie was het sleutelwoord van de conferentie: de jongeren werkten actief mee aan de
voorbereiding en aan de verschillende sessies.

De twee Belgische peer experts waren enthousiast over de ervaring, en de instrumenten die in België
ontwikkeld werden, waren een groot succes!
"""

_MAKE_IT_SAFE_EN = """\
The closing conference of the Make-IT-Safe project was held in Brussels on 17 and 18 November.

It brought together young people, coaches and the ECPAT teams from the five participating countries
(Austria, Belgium, Germany, the Netherlands and the United Kingdom) to share their experiences at
national level and to think together about the future of the project.

Representatives of the Council of Europe, the European Commission, the French-speaking Children’s
Rights Commissioner (Délégué général aux droits de l’enfant), EU Kids Online and Rutgers WPF also
took part in an interactive session with the young people on ways of keeping safe online.

Participation was the watchword of the conference: the young people played an active part in
preparing it and in all its sessions.

The two Belgian peer experts were delighted with the experience, and the tools created in Belgium
were a great success!
"""

_REYNDERS_FR = """\
Le 6 novembre s’est tenue la conférence de presse de lancement du site « Je dis STOP ! », en
présence du ministre des Affaires étrangères, Didier Reynders.

Véritable innovation dans la lutte contre l’exploitation sexuelle des enfants, ce nouvel outil a
bénéficié d’un large auditoire, et le ministre s’est longuement exprimé sur l’importance et le rôle
du site.

M. Reynders n’était pas le seul à avoir fait le déplacement : de nombreux journalistes, tous les
partenaires du Groupe STOP et certains sponsors financiers étaient venus soutenir l’initiative.

Rappelons que ce site est une initiative du Groupe STOP, composé de la Police, des Affaires
étrangères, de la Défense, de la Justice (Service de la Politique criminelle), de la Fédération de
l’Industrie du Tourisme (FIT), de la Fédération royale belge des transporteurs et des prestataires
de services logistiques (FEBETRA), de Plan Belgique, de Child Focus, de la Fondation Samilia et
d’ECPAT Belgique. Il a été développé par Now.be.

Le lancement a été relayé dans la presse, notamment par Metro et La Libre Belgique.
"""

_REYNDERS_NL = """\
Op 6 november werd de website “Ik zeg STOP!” voorgesteld op een persconferentie, in aanwezigheid
van minister van Buitenlandse Zaken Didier Reynders.

Het instrument, een echte innovatie in de strijd tegen seksuele uitbuiting van kinderen, trok veel
belangstelling, en de minister stond uitgebreid stil bij het belang en de rol van de website.

Minister Reynders was niet de enige die de verplaatsing maakte: ook tal van journalisten, alle
partners van de groep STOP en enkele financiële sponsors kwamen het initiatief steunen.

De website is een initiatief van de groep STOP, waarin de Politie, Buitenlandse Zaken, Defensie,
Justitie (Dienst voor het Strafrechtelijk Beleid), de Fédération de l’Industrie du Tourisme (FIT,
federatie van de toeristische sector), de Koninklijke Federatie van Belgische Transporteurs en
Logistieke Dienstverleners (FEBETRA), Plan België, Child Focus, de Samilia Foundation en ECPAT
België samenwerken. De website werd ontwikkeld door Now.be.

De lancering kreeg ook aandacht in de pers, onder meer in Metro en La Libre Belgique.
"""

_REYNDERS_EN = """\
The press conference launching the ‘I say STOP!’ website took place on 6 November, in the presence
of the Minister of Foreign Affairs, Didier Reynders.

A genuine innovation in the fight against the sexual exploitation of children, the new tool drew a
large audience, and the Minister spoke at length about the importance and role of the website.

Mr Reynders was not the only one to make the trip: many journalists, all the partners of the STOP
group and several financial sponsors came to support the initiative.

The website is an initiative of the STOP group, made up of the Police, Foreign Affairs, Defence,
Justice (Criminal Policy Department), the Fédération de l’Industrie du Tourisme (FIT, tourism
industry federation), the Royal Belgian Federation of Transporters and Logistics Service Providers
(FEBETRA), Plan Belgium, Child Focus, the Samilia Foundation and ECPAT Belgium. It was developed by
Now.be.

The launch was covered in the press, including by Metro and La Libre Belgique.
"""

_NEW_YORK_FR = """\
Le 30 septembre, la vice-Première ministre de Belgique, ministre de l’Intérieur et de l’Égalité des
chances, Joëlle Milquet, et la ministre des Droits des femmes, Najat Vallaud-Belkacem, ont organisé
conjointement à Bruxelles une conférence interministérielle intitulée « La Convention de New York
65 ans après : constats et perspectives ».

Cette conférence visait à actualiser les politiques de lutte contre la traite des êtres humains et
l’exploitation de la prostitution d’autrui. Elle a réuni une quinzaine de délégations
ministérielles de l’Union européenne autour d’une table ronde présidée par la reine Mathilde.

Mark Capaldi, Head of Research and Policy à ECPAT International, a été invité à présenter les
résultats de son étude « La légalisation de la prostitution augmente-t-elle la traite des femmes et
des enfants à des fins sexuelles ? ».

La journée s’est clôturée par la Déclaration de Bruxelles, qui appelle à lutter contre
l’exploitation d’autrui, mais aussi à renforcer la prévention de la prostitution.

*Source : Fondation Samilia*
"""

_NEW_YORK_NL = """\
Op 30 september organiseerden Joëlle Milquet, vicepremier en minister van Binnenlandse Zaken en
Gelijke Kansen van België, en Najat Vallaud-Belkacem, minister van Vrouwenrechten, samen in Brussel
een interministeriële conferentie met als titel “Het Verdrag van New York, 65 jaar later:
vaststellingen en perspectieven”.

De conferentie wilde het beleid tegen mensenhandel en de exploitatie van prostitutie van anderen
actualiseren. Een vijftiental ministeriële delegaties uit de Europese Unie namen deel aan een
rondetafel onder voorzitterschap van koningin Mathilde.

Mark Capaldi, Head of Research and Policy bij ECPAT International, werd uitgenodigd om de
resultaten voor te stellen van zijn studie over de vraag of de legalisering van prostitutie leidt
tot meer handel in vrouwen en kinderen voor seksuele doeleinden.

De dag werd afgesloten met de Verklaring van Brussel, die oproept om de exploitatie van anderen te
bestrijden, maar ook om de preventie van prostitutie te versterken.

*Bron: Samilia Foundation*
"""

_NEW_YORK_EN = """\
On 30 September, Joëlle Milquet, Belgium’s Deputy Prime Minister and Minister of the Interior and
Equal Opportunities, and Najat Vallaud-Belkacem, Minister for Women’s Rights, jointly hosted an
inter-ministerial conference in Brussels entitled ‘The New York Convention 65 years on: findings
and prospects’.

The conference set out to update policies against human trafficking and the exploitation of the
prostitution of others. Some fifteen ministerial delegations from the European Union took part in a
round table chaired by Queen Mathilde.

Mark Capaldi, Head of Research and Policy at ECPAT International, was invited to present the
findings of his study on whether legalising prostitution increases the trafficking of women and
children for sexual purposes.

The day closed with the Brussels Declaration, which calls for action against the exploitation of
others and for stronger prevention of prostitution.

*Source: Samilia Foundation*
"""

_DONT_LOSE_FR = """\
Nos collègues de Pologne et d’Ukraine ont lancé la campagne « Don’t lose! » pour lutter contre
l’exploitation sexuelle commerciale des enfants lors d’évènements sportifs, en particulier l’Euro
2012.

Les visuels de la campagne rappellent que non seulement la prostitution forcée d’enfants, mais
aussi tout contact sexuel avec des enfants sont interdits. C’est une forme d’abus sexuel dont les
adultes sont tenus responsables et qui est punie de peines de prison.

Les enfants sont encore plus vulnérables pendant les grands évènements sportifs, qui attirent de
nombreux touristes : certains profitent de l’anonymat d’un pays étranger pour abuser d’enfants.
"""

_DONT_LOSE_NL = """\
Onze collega’s in Polen en Oekraïne lanceerden de campagne “Don’t lose!” om commerciële seksuele
uitbuiting van kinderen tijdens sportevenementen te bestrijden, in het bijzonder tijdens het EK
2012.

De beelden van de campagne herinneren eraan dat niet alleen gedwongen kinderprostitutie, maar elk
seksueel contact met kinderen verboden is. Het is een vorm van seksueel misbruik waarvoor
volwassenen verantwoordelijk worden gesteld en die met een gevangenisstraf wordt bestraft.

Kinderen zijn tijdens grote sportevenementen nog kwetsbaarder. Zulke evenementen trekken veel
toeristen aan, van wie sommigen de anonimiteit van een vreemd land gebruiken om kinderen te
misbruiken.
"""

_DONT_LOSE_EN = """\
Our colleagues in Poland and Ukraine have launched ‘Don’t lose!’, a campaign to combat the
commercial sexual exploitation of children at sporting events, especially Euro 2012.

The campaign’s visuals point out that not only forced child prostitution but any sexual contact
with children is prohibited. It is a form of sexual abuse for which adults are held responsible and
which is punishable by imprisonment.

Children are even more vulnerable during major sporting events, which bring in large numbers of
tourists, some of whom take advantage of the anonymity of a foreign country to abuse children.
"""

ARTICLES = [
    {
        "slug": {
            "fr": "conference-finale-du-projet-make-it-safe",
            "nl": "slotconferentie-van-het-project-make-it-safe",
            "en": "make-it-safe-final-conference",
        },
        # The source gives 17 and 18 November, without a year: 2024 is a placeholder.
        "published": "2024-11-18",
        "title": {
            "fr": "Conférence finale du projet Make-IT-Safe",
            "nl": "Slotconferentie van het project Make-IT-Safe",
            "en": "Make-IT-Safe final conference",
        },
        "summary": {
            "fr": (
                "Les 17 et 18 novembre, Bruxelles a accueilli la conférence de clôture du projet "
                "Make-IT-Safe, préparée avec la participation active des jeunes."
            ),
            "nl": (
                "Op 17 en 18 november vond in Brussel de slotconferentie van het project "
                "Make-IT-Safe plaats, met jongeren die actief meewerkten."
            ),
            "en": (
                "On 17 and 18 November, Brussels hosted the closing conference of the Make-IT-Safe "
                "project, with young people taking an active part throughout."
            ),
        },
        "body": {"fr": _MAKE_IT_SAFE_FR, "nl": _MAKE_IT_SAFE_NL, "en": _MAKE_IT_SAFE_EN},
        "image_alt": {
            "fr": "Des adolescents discutent ensemble de sécurité en ligne lors d’une conférence",
            "nl": "Jongeren praten met elkaar over online veiligheid tijdens een conferentie",
            "en": "Teenagers discussing online safety together at a conference",
        },
    },
    {
        "slug": {
            "fr": "didier-reynders-dit-stop",
            "nl": "didier-reynders-zegt-stop",
            "en": "didier-reynders-says-stop",
        },
        # The source gives 6 November, without a year: 2024 is a placeholder.
        "published": "2024-11-06",
        "title": {
            "fr": "Didier Reynders dit STOP !",
            "nl": "Didier Reynders zegt STOP!",
            "en": "Didier Reynders says STOP!",
        },
        "summary": {
            "fr": (
                "Le 6 novembre, le ministre des Affaires étrangères Didier Reynders a pris part à "
                "la conférence de presse de lancement du site « Je dis STOP ! »."
            ),
            "nl": (
                "Op 6 november was minister van Buitenlandse Zaken Didier Reynders aanwezig op de "
                "persconferentie voor de lancering van de website “Ik zeg STOP!”."
            ),
            "en": (
                "On 6 November, Foreign Minister Didier Reynders took part in the press conference "
                "launching the ‘I say STOP!’ website."
            ),
        },
        "body": {"fr": _REYNDERS_FR, "nl": _REYNDERS_NL, "en": _REYNDERS_EN},
        "image_alt": {
            "fr": (
                "Un ministre s’exprime au pupitre lors d’une conférence de presse, face aux "
                "journalistes"
            ),
            "nl": (
                "Een minister spreekt achter een spreekgestoelte op een persconferentie, voor "
                "journalisten"
            ),
            "en": "A minister speaking at a lectern to journalists at a press conference",
        },
    },
    {
        "slug": {
            "fr": "convention-de-new-york-65-ans-apres",
            "nl": "verdrag-van-new-york-65-jaar-later",
            "en": "new-york-convention-65-years-on",
        },
        # The source gives 30 September, without a year: 2024 is a placeholder.
        "published": "2024-09-30",
        "title": {
            "fr": "La Convention de New York, 65 ans après",
            "nl": "Het Verdrag van New York, 65 jaar later",
            "en": "The New York Convention, 65 years on",
        },
        "summary": {
            "fr": (
                "Le 30 septembre, une conférence interministérielle à Bruxelles a fait le point "
                "sur la lutte contre la traite des êtres humains et l’exploitation de la "
                "prostitution d’autrui."
            ),
            "nl": (
                "Op 30 september boog een interministeriële conferentie in Brussel zich over de "
                "strijd tegen mensenhandel en de exploitatie van prostitutie van anderen."
            ),
            "en": (
                "On 30 September, an inter-ministerial conference in Brussels took stock of the "
                "fight against human trafficking and the exploitation of the prostitution of "
                "others."
            ),
        },
        "body": {"fr": _NEW_YORK_FR, "nl": _NEW_YORK_NL, "en": _NEW_YORK_EN},
        "image_alt": {
            "fr": "Des délégations ministérielles réunies autour d’une grande table ronde",
            "nl": "Ministeriële delegaties rond een grote ronde tafel",
            "en": "Ministerial delegations gathered around a large round table",
        },
    },
    {
        "slug": {
            "fr": "campagne-dont-lose-evenements-sportifs",
            "nl": "campagne-dont-lose-sportevenementen",
            "en": "dont-lose-campaign-sporting-events",
        },
        # Not in the source (no date at all): a placeholder that keeps this article the oldest.
        "published": "2024-05-28",
        "title": {
            "fr": (
                "Campagne « Don’t lose! » contre l’exploitation sexuelle des enfants lors "
                "d’évènements sportifs"
            ),
            "nl": (
                "Campagne “Don’t lose!” tegen seksuele uitbuiting van kinderen tijdens "
                "sportevenementen"
            ),
            "en": (
                "‘Don’t lose!’: a campaign against the sexual exploitation of children at sporting "
                "events"
            ),
        },
        "summary": {
            "fr": (
                "Nos collègues de Pologne et d’Ukraine ont lancé la campagne « Don’t lose! » "
                "contre l’exploitation sexuelle commerciale des enfants lors d’évènements "
                "sportifs, en particulier l’Euro 2012."
            ),
            "nl": (
                "Onze collega’s in Polen en Oekraïne lanceerden de campagne “Don’t lose!” tegen "
                "commerciële seksuele uitbuiting van kinderen tijdens sportevenementen, in het "
                "bijzonder het EK 2012."
            ),
            "en": (
                "Our colleagues in Poland and Ukraine have launched ‘Don’t lose!’, a campaign "
                "against the commercial sexual exploitation of children at sporting events, "
                "especially Euro 2012."
            ),
        },
        "body": {"fr": _DONT_LOSE_FR, "nl": _DONT_LOSE_NL, "en": _DONT_LOSE_EN},
        "image_alt": {
            "fr": "Un stade de football rempli de supporters",
            "nl": "Een voetbalstadion vol supporters",
            "en": "A football stadium full of fans",
        },
    },
]
