# ruff: noqa: RUF001
"""Seed content for the campaign pages, loaded by `manage.py load_demo` (see campaign.seed).

Written from the French seed texts 000 to 004 of ECPAT Belgique (partners page, news, website
pages, leaflet), with names and extra facts from the shared glossary. French keeps the wording of
the sources; Dutch and English are written for Belgian Dutch and British readers.
Bodies are Markdown (## headings, lists, bold; no raw HTML): the page title is the only h1.
Typographic apostrophes, dashes and no-break spaces are intended, hence the RUF001 exemption.
"""

# --- The campaign -------------------------------------------------------------------------------

_CAMPAIGN_FR = """\
La campagne « Je dis STOP ! » a pour but de sensibiliser le grand public et les professionnels du
tourisme à l’exploitation sexuelle des enfants dans le voyage et le tourisme. Au-delà de la
sensibilisation, elle vise à mobiliser chacun et chacune contre cette exploitation, en permettant
de signaler les situations suspectes.

Le site jedisstop.be a été créé spécifiquement pour cette campagne : il permet de signaler en ligne
tout abus sexuel commis sur un enfant, en Belgique comme à l’étranger.

## Une initiative du Groupe STOP

« Je dis STOP ! » est une initiative du Groupe STOP, un collectif d’ONG et d’acteurs
institutionnels, publics et privés qui œuvrent depuis de nombreuses années contre l’exploitation
sexuelle commerciale des enfants :

- **acteurs institutionnels** : la Police fédérale, le SPF Affaires étrangères, la Défense et le
  SPF Justice (Service de la Politique criminelle) ;
- **secteur privé** : la Fédération de l’Industrie du Tourisme (FIT) et la FEBETRA ;
- **ONG** : Plan Belgique, Child Focus, la Fondation Samilia et ECPAT Belgique.

Depuis 2004, ECPAT Belgique coordonne la campagne afin d’informer les voyageurs et les
professionnels du tourisme sur les réalités de l’exploitation sexuelle des enfants.

## ECPAT Belgique

Fondé en 1993, ECPAT Belgique est membre d’ECPAT International, le seul réseau exclusivement dédié
à la lutte contre l’exploitation sexuelle des enfants, qui compte 102 membres. Son travail repose
sur trois piliers :

- **Prévenir** : par des actions de prévention régulières auprès de professionnels tels que les
  hôteliers, les avocats ou les tuteurs, ECPAT Belgique met en lumière les réalités de
  l’exploitation sexuelle des enfants afin d’éviter que de tels abus soient commis.
- **Écouter** : les voix des enfants sont au cœur de son travail ; elles se reflètent dans ses
  recherches, ses programmes, ses campagnes et ses choix stratégiques.
- **Mobiliser** : le combat contre l’exploitation sexuelle des enfants se mène ensemble. Avec ses
  partenaires, ECPAT Belgique se mobilise au quotidien pour protéger les enfants.

ECPAT Belgique fait également partie de la CODE (Coordination des ONG pour les droits de l’enfant)
et de son équivalent néerlandophone, la KIRECO.

## Une campagne qui a fait du chemin

« Je dis STOP ! » fait suite à une précédente campagne, intitulée « Stop prostitution enfantine ».

La campagne a reçu le soutien du Comité Olympique et Interfédéral Belge (COIB) et de grandes
entreprises du tourisme comme TUI ou ACCOR. Elle s’est déclinée sur de nombreux supports de
communication : camions, affiches à l’aéroport, cartes postales… Chaque nouvelle action a fait
l’objet d’une conférence de presse organisée sous l’égide du ministre des Affaires étrangères.

Au fil du projet, ECPAT Belgique a reçu de nombreux soutiens politiques belges, notamment celui du
vice-Premier ministre et ministre des Affaires étrangères Didier Reynders et celui du ministre de
la Justice Koen Geens.

## Des formations pour les professionnels du tourisme

Dans le cadre de la campagne, ECPAT Belgique organise des formations destinées aux professionnels
du tourisme, qu’ils soient déjà en poste ou encore aux études.

Chacun peut s’opposer à l’exploitation sexuelle des enfants : la page « Comment agir » vous
explique comment.
"""

_CAMPAIGN_NL = """\
De campagne “Ik zeg STOP!” wil het grote publiek en de toeristische sector bewust maken van
seksuele uitbuiting van kinderen in reizen en toerisme. Maar ze wil meer dan sensibiliseren: ze wil
iedereen in beweging brengen tegen die uitbuiting, door verdachte situaties te laten melden.

De website jedisstop.be werd speciaal voor deze campagne gemaakt: je kan er online elk seksueel
misbruik van een kind melden, in België en in het buitenland.

## Een initiatief van de groep STOP

“Ik zeg STOP!” is een initiatief van de groep STOP, een collectief van ngo’s en van institutionele,
publieke en private actoren die al vele jaren strijden tegen commerciële seksuele uitbuiting van
kinderen:

- **institutionele actoren**: de Federale Politie, de FOD Buitenlandse Zaken, Defensie en de FOD
  Justitie (Dienst voor het Strafrechtelijk Beleid);
- **privésector**: de Fédération de l’Industrie du Tourisme (FIT, federatie van de toeristische
  sector) en FEBETRA;
- **ngo’s**: Plan België, Child Focus, de Samilia Foundation en ECPAT België.

Sinds 2004 coördineert ECPAT België de campagne, om reizigers en professionals uit de toeristische
sector te informeren over de realiteit van seksuele uitbuiting van kinderen.

## ECPAT België

ECPAT België werd opgericht in 1993 en is lid van ECPAT International, met 102 leden het enige
netwerk dat zich uitsluitend toelegt op de strijd tegen seksuele uitbuiting van kinderen. Het werk
van ECPAT België steunt op drie pijlers:

- **Voorkomen**: met regelmatige preventieacties bij beroepsmensen zoals hoteliers, advocaten en
  voogden brengt ECPAT België de realiteit van seksuele uitbuiting van kinderen aan het licht, om
  te vermijden dat zulk misbruik plaatsvindt.
- **Luisteren**: de stem van kinderen staat centraal in het werk van ECPAT België en klinkt door in
  zijn onderzoek, programma’s, campagnes en strategische keuzes.
- **Mobiliseren**: de strijd tegen seksuele uitbuiting van kinderen voeren we samen. Met zijn
  partners zet ECPAT België zich elke dag in om kinderen te beschermen.

ECPAT België is ook lid van de KIRECO en van haar Franstalige tegenhanger, de CODE (Coordination
des ONG pour les droits de l’enfant).

## Een campagne met een voorgeschiedenis

“Ik zeg STOP!” volgt op een eerdere campagne, “Stop prostitution enfantine” (Stop
kinderprostitutie).

De campagne kreeg de steun van het Belgisch Olympisch en Interfederaal Comité (BOIC) en van grote
toeristische bedrijven zoals TUI en ACCOR. Ze werd verspreid via tal van communicatiedragers:
vrachtwagens, affiches op de luchthaven, postkaarten… Elke nieuwe actie werd voorgesteld op een
persconferentie onder de auspiciën van de minister van Buitenlandse Zaken.

In de loop van het project kreeg ECPAT België steun van heel wat Belgische politici, onder wie
vicepremier en minister van Buitenlandse Zaken Didier Reynders en minister van Justitie Koen Geens.

## Opleidingen voor de toeristische sector

In het kader van de campagne organiseert ECPAT België opleidingen voor huidige en toekomstige
professionals uit de toeristische sector.

Iedereen kan zich verzetten tegen seksuele uitbuiting van kinderen. Op de pagina “Hoe reageren”
lees je hoe.
"""

_CAMPAIGN_EN = """\
The ‘I say STOP!’ campaign aims to raise awareness of the sexual exploitation of children in travel
and tourism among the general public and tourism professionals. Beyond raising awareness, it sets
out to mobilise everyone against this exploitation by making it possible to report suspicious
situations.

The jedisstop.be website was created specifically for the campaign: it lets anyone report online
any sexual abuse of a child, in Belgium or abroad.

## An initiative of the STOP group

‘I say STOP!’ is an initiative of the STOP group, a coalition of NGOs and institutional, public and
private bodies that have been working for many years against the commercial sexual exploitation of
children:

- **institutional bodies**: the Federal Police, FPS Foreign Affairs, Defence and FPS Justice
  (Criminal Policy Department);
- **private sector**: the Fédération de l’Industrie du Tourisme (FIT, tourism industry federation)
  and FEBETRA;
- **NGOs**: Plan Belgium, Child Focus, the Samilia Foundation and ECPAT Belgium.

ECPAT Belgium has coordinated the campaign since 2004, to inform travellers and tourism
professionals about the realities of the sexual exploitation of children.

## ECPAT Belgium

Founded in 1993, ECPAT Belgium is a member of ECPAT International, which, with 102 members, is the
only network devoted exclusively to fighting the sexual exploitation of children. Its work rests on
three pillars:

- **Prevent**: through regular prevention work with professionals such as hoteliers, lawyers and
  guardians, ECPAT Belgium sheds light on the realities of the sexual exploitation of children, so
  that such abuse is not committed.
- **Listen**: children’s voices are at the heart of its work, reflected in its research,
  programmes, campaigns and strategic choices.
- **Mobilise**: the fight against the sexual exploitation of children is one we wage together. With
  its partners, ECPAT Belgium works every day to protect children.

ECPAT Belgium is also a member of the CODE (Coordination des ONG pour les droits de l’enfant, the
French-speaking coalition of children’s rights NGOs) and of its Dutch-speaking counterpart, KIRECO.

## Building on an earlier campaign

‘I say STOP!’ follows on from an earlier campaign called ‘Stop prostitution enfantine’ (Stop child
prostitution).

The campaign has been backed by the Belgian Olympic and Interfederal Committee (BOIC) and by major
travel companies such as TUI and ACCOR. It has appeared on a wide range of media: lorries, posters
at the airport, postcards and more. Each new action was presented at a press conference held under
the auspices of the Minister of Foreign Affairs.

Over the course of the project, ECPAT Belgium received wide political support in Belgium, including
from the Deputy Prime Minister and Minister of Foreign Affairs, Didier Reynders, and from the
Minister of Justice, Koen Geens.

## Training for tourism professionals

As part of the campaign, ECPAT Belgium runs training for current and future tourism professionals.

Anyone can stand up to the sexual exploitation of children: the ‘How to act’ page explains how.
"""

# --- What is the sexual exploitation of children? -----------------------------------------------

_EXPLOITATION_FR = """\
## Une définition

L’exploitation sexuelle des enfants consiste à abuser sexuellement d’un enfant – c’est-à-dire de
toute personne âgée de moins de 18 ans – contre toute forme de rémunération : argent, biens
matériels, promesse d’un avenir meilleur, etc.

L’enfant est alors réduit à l’état de marchandise et d’objet sexuel.

## L’ampleur du phénomène

Selon les estimations de l’Organisation Internationale du Travail (OIT, octobre 2016),
**900 000 enfants** sont exploités sexuellement à travers le monde.

## Ses différentes formes

Les enfants peuvent être victimes d’exploitation sexuelle, par exemple :

- dans la pornographie ;
- dans la prostitution ;
- dans la traite des êtres humains ;
- dans le voyage et le tourisme.

Cette exploitation peut se produire dans différents contextes, sur internet comme ailleurs. En
ligne, les jeunes sont notamment exposés à la sextorsion et au grooming.

## Dans le voyage et le tourisme

Certains voyageurs profitent de l’anonymat d’un pays étranger pour abuser d’enfants. Les grands
évènements sportifs, qui attirent de nombreux voyageurs, augmentent encore ce risque. Et parce que
leurs infrastructures sont utilisées pour commettre des abus, les acteurs du tourisme doivent
s’engager explicitement contre l’exploitation sexuelle des enfants : c’est tout le sens de The
Code, le code de conduite de l’industrie du tourisme.

C’est contre cette forme d’exploitation que se mobilise la campagne « Je dis STOP ! ».
"""

_EXPLOITATION_NL = """\
## Een definitie

Seksuele uitbuiting van kinderen is het seksueel misbruiken van een kind – dat wil zeggen iedereen
jonger dan 18 jaar – in ruil voor een vergoeding in welke vorm ook: geld, materiële voordelen, de
belofte van een betere toekomst enzovoort.

Het kind wordt herleid tot koopwaar en tot seksueel object.

## De omvang

Volgens schattingen van de Internationale Arbeidsorganisatie (IAO, oktober 2016) worden wereldwijd
**900.000 kinderen** seksueel uitgebuit.

## Verschillende vormen

Kinderen kunnen bijvoorbeeld het slachtoffer worden van seksuele uitbuiting:

- in pornografie;
- in prostitutie;
- via mensenhandel;
- in reizen en toerisme.

Die uitbuiting kan zich in verschillende contexten voordoen, online en offline. Op het internet
lopen jongeren onder meer risico op sextortion en grooming.

## In reizen en toerisme

Sommige reizigers maken gebruik van de anonimiteit in een vreemd land om kinderen te misbruiken.
Grote sportevenementen trekken veel reizigers aan en vergroten dat risico nog. En omdat hun
infrastructuur gebruikt wordt om misbruik te plegen, moeten ook toeristische bedrijven zich
uitdrukkelijk engageren tegen seksuele uitbuiting van kinderen: daarvoor bestaat The Code, de
gedragscode van de toeristische sector.

Tegen precies die vorm van uitbuiting komt de campagne “Ik zeg STOP!” op.
"""

_EXPLOITATION_EN = """\
## A definition

The sexual exploitation of children means sexually abusing a child – that is, anyone under the age
of 18 – in exchange for any form of payment: money, goods, the promise of a better future, and so
on.

The child is reduced to a commodity and a sexual object.

## The scale of the problem

According to estimates by the International Labour Organization (ILO, October 2016), **900,000
children** are sexually exploited around the world.

## The forms it takes

Children can be sexually exploited, for example:

- in pornography;
- in prostitution;
- through human trafficking;
- in travel and tourism.

This exploitation can happen in many different settings, online and offline. On the internet, young
people face risks such as sextortion and grooming.

## In travel and tourism

Some travellers take advantage of the anonymity of a foreign country to abuse children. Major
sporting events, which draw large numbers of travellers, increase the risk further. And because
their facilities are used to commit abuse, travel and tourism businesses must make an explicit
commitment against the sexual exploitation of children: that is what The Code, the tourism
industry’s code of conduct, is for.

This is the form of exploitation that the ‘I say STOP!’ campaign takes on.
"""

# --- How to act ---------------------------------------------------------------------------------

_HOW_TO_ACT_FR = """\
Chacun peut s’opposer à l’exploitation sexuelle des enfants. Vous êtes témoin d’une situation qui
vous semble suspecte, en Belgique ou à l’étranger ? Vous pouvez la signaler sur ce site, même de
manière anonyme.

## Un enfant est en danger immédiat ?

N’attendez pas : appelez tout de suite les secours. Ce site ne remplace pas les services d’urgence.

- **112** : le numéro d’urgence dans tous les pays de l’Union européenne ;
- **101** : la police, en Belgique ;
- **116 000** : Child Focus, en Belgique (enfants disparus et sexuellement exploités), gratuit,
  jour et nuit.

## Les signaux qui doivent alerter

ECPAT Belgique invite à être attentif, par exemple, à :

- un enfant accompagné d’un adulte qui ne semble pas être de sa famille (par exemple, ils ne
  parlent pas la même langue) ;
- un adulte seul avec un mineur qui ne semble pas à l’aise.

La campagne « Don’t Look Away » de Defence for Children – ECPAT Pays-Bas cite aussi :

- un adulte qui emmène un enfant du pays dans une chambre d’hôtel ou dans un appartement privé ;
- une intimité inhabituelle avec un enfant du pays, à la piscine, au restaurant ou sur la plage ;
- une personne qui propose un enfant ou un jeune pour des relations sexuelles, ou qui cherche ce
  genre de « services » ;
- un hôtel ou une organisation qui tolère des abus dans ses locaux ;
- des abus commis par le biais d’un orphelinat ou d’une école ;
- une personne qui raconte avoir eu des contacts sexuels avec un enfant à l’étranger.

Les auteurs ne sont pas seulement des touristes : ce sont aussi des voyageurs d’affaires, des
expatriés ou des bénévoles, de tout âge, hommes et femmes (Defence for Children – ECPAT Pays-Bas).
Et, comme le rappelle ECPAT Belgique dans la campagne « Je dis STOP ! », beaucoup de ceux qui
abusent d’enfants à l’étranger ne l’avaient pas planifié à l’avance.

## Comment signaler sur ce site

Vous pouvez signaler une situation suspecte, qu’elle se soit produite en Belgique ou à l’étranger.
Le signalement peut être anonyme : seuls le lieu et la description de ce qui s’est passé sont
obligatoires.

Pour que votre signalement soit le plus utile possible, ECPAT Belgique donne ces conseils aux
voyageurs (« Dear traveller ») :

- essayez de répondre aux questions **qui**, **où** et **quand** ;
- signalez même si vous ne connaissez pas le nom de l’adulte ou de l’enfant ;
- soyez aussi précis que possible : plus votre signalement est précis, plus il est facile pour la
  police d’ouvrir une enquête ;
- signalez même en cas de doute : c’est à la police d’établir les faits.

Après l’envoi, vous recevez une **référence** et un **code de suivi** secret. Notez-les et
conservez le code en lieu sûr : il n’est enregistré que sous une forme irréversible, et personne,
pas même ECPAT Belgique, ne pourra vous le redonner.

## Que se passe-t-il ensuite ?

Votre signalement est lu par l’équipe d’ECPAT Belgique, qui le transmet :

- à la **Police fédérale** si les faits se sont produits en Belgique ;
- aux **autorités compétentes**, par l’intermédiaire du **SPF Affaires étrangères**, si les faits
  se sont produits à l’étranger.

Avec votre code de suivi, vous pouvez revenir sur la page « Suivre un signalement » pour voir où en
est votre signalement. Si l’équipe a une question à vous poser, elle s’y affiche et vous pouvez y
répondre.

## La loi s’applique aussi à l’étranger

La plupart des États membres de l’Union européenne, dont la Belgique, disposent de lois
extraterritoriales : leurs ressortissants peuvent être poursuivis dans leur propre pays pour des
abus sexuels sur des enfants commis à l’étranger (ECPAT Belgique).
"""

_HOW_TO_ACT_NL = """\
Iedereen kan zich verzetten tegen seksuele uitbuiting van kinderen. Ben je getuige van een situatie
die je verdacht lijkt, in België of in het buitenland? Dan kan je ze op deze website melden, ook
anoniem.

## Is een kind in acuut gevaar?

Wacht niet en bel meteen de hulpdiensten. Deze website vervangt de hulpdiensten niet.

- **112**: het noodnummer in alle landen van de Europese Unie;
- **101**: de politie, in België;
- **116 000**: Child Focus, in België (vermiste en seksueel uitgebuite kinderen), gratis, dag en
  nacht.

## Signalen om alert voor te zijn

ECPAT België vraagt om bijvoorbeeld op te letten voor:

- een kind in het gezelschap van een volwassene die geen familie lijkt te zijn (ze spreken
  bijvoorbeeld niet dezelfde taal);
- een volwassene alleen met een minderjarige die zich niet op zijn gemak lijkt te voelen.

De campagne “Don’t Look Away” van Defence for Children – ECPAT Nederland noemt ook:

- een volwassene die een lokaal kind meeneemt naar een hotelkamer of een privéappartement;
- ongewone intimiteit met een lokaal kind, aan het zwembad, in een restaurant of op het strand;
- iemand die een kind of jongere aanbiedt voor seks, of op zoek is naar zulke “diensten”;
- een hotel of organisatie die misbruik in haar gebouwen toelaat;
- misbruik via een weeshuis of een school;
- iemand die vertelt over seksueel contact met een kind in het buitenland.

De daders zijn niet alleen toeristen, maar ook zakenreizigers, expats en vrijwilligers, van elke
leeftijd, mannen én vrouwen (Defence for Children – ECPAT Nederland). En zoals ECPAT België in de
campagne “Ik zeg STOP!” benadrukt: veel mensen die in het buitenland kinderen misbruiken, hadden
dat vooraf niet gepland.

## Zo meld je op deze website

Je kan een verdachte situatie melden, zowel in België als in het buitenland. Je melding mag anoniem
zijn: alleen waar en wat er gebeurd is, moet je invullen.

ECPAT België geeft reizigers deze tips om een melding zo nuttig mogelijk te maken (“Dear
traveller”):

- probeer te antwoorden op de vragen **wie**, **waar** en **wanneer**;
- meld ook als je de naam van de volwassene of het kind niet kent;
- wees zo precies mogelijk: hoe preciezer je melding, hoe makkelijker de politie een onderzoek kan
  starten;
- meld ook als je twijfelt: het is aan de politie om de feiten vast te stellen.

Na het verzenden krijg je een **referentie** en een geheime **opvolgcode**. Noteer ze en bewaar de
code op een veilige plek: hij wordt alleen in een onomkeerbare vorm opgeslagen, dus niemand, ook
ECPAT België niet, kan hem je opnieuw bezorgen.

## Wat gebeurt er daarna?

Het team van ECPAT België leest je melding en stuurt ze door:

- naar de **Federale Politie** als de feiten zich in België hebben voorgedaan;
- naar de **bevoegde autoriteiten**, via de **FOD Buitenlandse Zaken**, als de feiten zich in het
  buitenland hebben voorgedaan.

Met je opvolgcode kan je op de pagina “Een melding opvolgen” nagaan hoe het met je melding staat.
Heeft het team een vraag voor je, dan verschijnt die daar en kan je ze beantwoorden.

## De wet geldt ook in het buitenland

De meeste lidstaten van de Europese Unie, waaronder België, hebben extraterritoriale wetten: hun
onderdanen kunnen in eigen land vervolgd worden voor seksueel misbruik van kinderen dat ze in het
buitenland hebben gepleegd (ECPAT België).
"""

_HOW_TO_ACT_EN = """\
Anyone can stand up to the sexual exploitation of children. Have you witnessed a situation that
seems suspicious to you, in Belgium or abroad? You can report it on this website, anonymously if
you wish.

## Is a child in immediate danger?

Don’t wait: call the emergency services straight away. This website is not a substitute for them.

- **112**: the emergency number in every EU country;
- **101**: the police in Belgium;
- **116 000**: Child Focus in Belgium (missing and sexually exploited children), free, day and
  night.

## Signs to look out for

ECPAT Belgium asks you to watch out, for example, for:

- a child with an adult who does not seem to be family (for instance, they do not speak the same
  language);
- an adult alone with a minor who does not seem at ease.

The ‘Don’t Look Away’ campaign by Defence for Children – ECPAT Netherlands also lists:

- an adult taking a local child to a hotel room or private flat;
- unusual intimacy with a local child at the pool, in a restaurant or on the beach;
- someone offering a child or young person for sex, or looking for such ‘services’;
- a hotel or organisation tolerating abuse on its premises;
- abuse through an orphanage or school;
- someone talking about sexual contact with a child abroad.

Offenders are not only tourists: they are also business travellers, expatriates and volunteers, of
any age, men and women alike (Defence for Children – ECPAT Netherlands). And, as ECPAT Belgium
points out in the ‘I say STOP!’ campaign, many people who abuse children abroad had not planned to
do so beforehand.

## How to report on this website

You can report a suspicious situation whether it happened in Belgium or abroad. Your report can be
anonymous: only where it happened and what happened are required.

ECPAT Belgium gives travellers this advice to make a report as useful as possible (‘Dear
traveller’):

- try to answer the questions **who**, **where** and **when**;
- report even if you do not know the name of the adult or the child;
- be as precise as you can: the more precise your report, the easier it is for the police to open
  an investigation;
- report even if you are in doubt: it is for the police to establish the facts.

Once you have sent your report, you receive a **reference** and a secret **follow-up code**. Write
them down and keep the code somewhere safe: it is stored only in a form that cannot be reversed, so
no one, not even ECPAT Belgium, can give it to you again.

## What happens next?

ECPAT Belgium staff read your report and pass it on:

- to the **Federal Police** if it happened in Belgium;
- to the **relevant authorities**, through **FPS Foreign Affairs**, if it happened abroad.

With your follow-up code, you can check on the ‘Follow up a report’ page how your report is
progressing. If the team has a question for you, it appears there and you can answer it.

## The law applies abroad too

Most EU member states, Belgium among them, have extraterritorial laws: their nationals can be
prosecuted at home for the sexual abuse of children committed abroad (ECPAT Belgium).
"""

# --- The Code -----------------------------------------------------------------------------------

_THE_CODE_FR = """\
Parce que leurs infrastructures sont utilisées pour commettre des abus, les acteurs du tourisme
doivent s’engager explicitement contre l’exploitation sexuelle des enfants.

## Un code de conduite pour l’industrie du tourisme

Depuis 1998, le « Code de conduite pour la protection des enfants contre l’exploitation sexuelle
dans le tourisme et l’industrie des voyages », appelé plus simplement « The Code », rassemble
plusieurs centaines d’entreprises touristiques à travers le monde, engagées contre l’exploitation
sexuelle des enfants.

## Les six critères du Code

1. Établir une politique et des procédures contre l’exploitation sexuelle des enfants.
2. Former les employés sur les droits des enfants et la façon de signaler des cas suspects
   d’exploitation sexuelle.
3. Inclure une clause dans les contrats, indiquant une politique de tolérance zéro de
   l’exploitation sexuelle des enfants.
4. Fournir des informations aux voyageurs sur les droits de l’enfant et la façon de signaler des
   cas suspects.
5. Soutenir, collaborer et engager les parties prenantes dans la prévention de l’exploitation
   sexuelle des enfants.
6. Faire un rapport annuel sur la mise en œuvre des activités connexes du Code.

## ECPAT Belgique, représentant local du Code

En tant que représentant local de l’initiative « The Code », ECPAT Belgique veille à ce que les
signataires belges respectent ces six critères. Il accompagne les professionnels du tourisme basés
en Belgique, actuels et futurs, dans leur mise en œuvre.

Dans ce cadre, ECPAT Belgique organise aussi des formations, disponibles sur demande.

Pour en savoir plus : [www.thecode.org](https://www.thecode.org)
"""

_THE_CODE_NL = """\
Omdat hun infrastructuur gebruikt wordt om misbruik te plegen, moeten toeristische bedrijven zich
uitdrukkelijk engageren tegen seksuele uitbuiting van kinderen.

## Een gedragscode voor de toeristische sector

Sinds 1998 brengt de “Code of Conduct for the Protection of Children from Sexual Exploitation in
Travel and Tourism” (gedragscode voor de bescherming van kinderen tegen seksuele uitbuiting in
reizen en toerisme), kortweg “The Code”, honderden toeristische bedrijven over de hele wereld samen
die zich inzetten tegen seksuele uitbuiting van kinderen.

## De zes criteria van The Code

1. Een beleid en procedures uitwerken tegen seksuele uitbuiting van kinderen.
2. Het personeel opleiden over kinderrechten en over de manier waarop vermoedelijke gevallen van
   seksuele uitbuiting gemeld kunnen worden.
3. In contracten een clausule opnemen die een beleid van nultolerantie tegenover seksuele
   uitbuiting van kinderen vastlegt.
4. Reizigers informeren over kinderrechten en over de manier waarop ze vermoedelijke gevallen
   kunnen melden.
5. Belanghebbenden steunen, met hen samenwerken en hen betrekken bij de preventie van seksuele
   uitbuiting van kinderen.
6. Jaarlijks rapporteren over de uitvoering van de activiteiten die met The Code verband houden.

## ECPAT België, lokale vertegenwoordiger van The Code

Als lokale vertegenwoordiger van The Code ziet ECPAT België erop toe dat de Belgische
ondertekenaars deze zes criteria naleven. ECPAT België begeleidt huidige en toekomstige
professionals uit de toeristische sector in België bij de toepassing ervan.

In dat kader organiseert ECPAT België ook opleidingen op aanvraag.

Meer informatie: [www.thecode.org](https://www.thecode.org)
"""

_THE_CODE_EN = """\
Because their facilities are used to commit abuse, travel and tourism businesses must make an
explicit commitment against the sexual exploitation of children.

## A code of conduct for the tourism industry

Since 1998, The Code of Conduct for the Protection of Children from Sexual Exploitation in Travel
and Tourism – ‘The Code’ for short – has brought together several hundred tourism companies around
the world that are committed to fighting the sexual exploitation of children.

## The six criteria of The Code

1. Establish a policy and procedures against the sexual exploitation of children.
2. Train employees in children’s rights and in how to report suspected cases of sexual
   exploitation.
3. Include a clause in contracts stating a zero-tolerance policy towards the sexual exploitation of
   children.
4. Provide travellers with information on children’s rights and on how to report suspected cases.
5. Support, collaborate with and engage stakeholders in the prevention of the sexual exploitation
   of children.
6. Report annually on the implementation of Code-related activities.

## ECPAT Belgium, local representative of The Code

As the local representative of The Code, ECPAT Belgium makes sure that Belgian signatories meet
these six criteria, and supports current and future tourism professionals based in Belgium in
putting them into practice.

ECPAT Belgium also runs training on The Code, available on request.

More information: [www.thecode.org](https://www.thecode.org)
"""

# --- Projects -----------------------------------------------------------------------------------

_PROJECTS_FR = """\
Les actions de terrain d’ECPAT Belgique visent à améliorer l’identification et la prise en charge
des enfants victimes.

## ReACT : former les professionnels de terrain

Au travers du projet ReACT (Reinforcing Assistance to Child victims of Trafficking), ECPAT Belgique
forme les professionnels de terrain à détecter les cas d’exploitation parmi les mineurs qu’ils
accompagnent. Des formations interactives, basées sur des cas concrets, ont été développées à
l’intention des tuteurs et des avocats.

Des outils (vidéos et brochures) ont en outre été créés par et pour les mineurs étrangers non
accompagnés, afin de les informer de leurs droits en Belgique dans un langage clair et accessible.

Pour mieux documenter le phénomène, une recherche a été menée aux niveaux européen et national sur
le rôle des tuteurs et des avocats dans l’identification et la protection des enfants victimes de
traite. Ses résultats ont été diffusés lors d’une formation de formateurs à Leiden (Pays-Bas), en
janvier 2017.

## Make-IT-Safe : la sécurité en ligne, par et pour les jeunes

Si internet est un espace d’échange et de connaissance aux possibilités immenses, son utilisation
peut s’avérer dangereuse (sextorsion, grooming…). Qu’est-ce que le grooming ? Et le sexting ?
Comment protéger sa vie privée ? Que faire contre le cyberharcèlement ? Au moyen d’outils et de
méthodes interactives (brochures, vidéos, BD), le projet Make-IT-Safe aborde toutes ces questions
directement avec les 12-18 ans, afin qu’ils puissent se protéger et protéger les autres jeunes
contre les risques d’exploitation sexuelle en ligne.

L’originalité du projet : ce sont les adolescents eux-mêmes qui font de la prévention auprès des
autres jeunes. En effet, un jeune en difficulté est susceptible de se tourner d’abord vers ses
pairs : il doit alors pouvoir être conseillé et orienté au mieux.

ECPAT Belgique travaille avec des écoles, des centres pour mineurs étrangers non accompagnés et des
mouvements de jeunesse. Dans chacune de ces organisations, deux adolescents ont été formés pour
devenir le point de contact « sécurité en ligne ». Un coach (professeur, assistant social…) les
soutient dans leur mission ; quand ces jeunes quittent l’organisation, c’est lui qui recrute et
forme les suivants.

La sensibilisation des parents est un autre axe du projet : ECPAT Belgique propose des séances
d’information et des brochures de conseils pratiques pour les aider à parler de sécurité en ligne
avec leurs enfants.

Le projet a été un franc succès, salué par ses différents acteurs (voir le rapport « Final
evaluation report of the Make-IT-Safe project – Belgium »).

## Don’t Look Away : signaler, partout en Europe

« Don’t Look Away » est une plateforme européenne de signalement qui rassemble des lignes de
signalement nationales comme « Je dis STOP ! ».

C’est aussi une campagne contre l’exploitation sexuelle des enfants, en particulier lors des grands
évènements sportifs. Ceux-ci attirent de nombreux voyageurs, ce qui augmente le risque
d’exploitation sexuelle des enfants : il est donc important de faire de la prévention et d’inciter
les voyageurs à signaler toute situation suspecte. Lors de la Coupe du monde de football au Brésil,
en 2014, les footballeurs Kaká et Juninho ont prêté leur image au message de la campagne.

Don’t Look Away s’adresse également aux professionnels du tourisme, avec un « serious game » : à
travers des cas concrets, chacun peut tester ses réactions face à des situations potentielles
d’abus sexuels d’enfants. Et vous, comment réagiriez-vous ?

Enfin, Don’t Look Away est un consortium international de partenaires issus de différents secteurs
et actifs dans de nombreux pays, entre autres l’Afrique du Sud, l’Allemagne, l’Autriche, la
Belgique, le Brésil, la Bulgarie, l’Espagne, la France, la Gambie, l’Italie, le Kenya, le
Luxembourg, Madagascar, les Pays-Bas, la Pologne, la République tchèque, la Roumanie, le
Royaume-Uni, le Sénégal, la Suisse et l’Ukraine.

## La pétition avec The Body Shop

De 2009 à 2012, ECPAT International et The Body Shop ont uni leurs efforts dans une campagne
internationale contre la traite des mineurs à des fins sexuelles, lancée en août 2009. Ses
objectifs : sensibiliser l’opinion publique à l’ampleur du phénomène, récolter des fonds pour des
projets de prévention et d’aide aux victimes, et inciter les décideurs à agir pour offrir aux
mineurs une meilleure protection. Au lancement de la campagne, ECPAT et The Body Shop ont publié le
rapport « Their protection is in our hands ».

La campagne a été menée dans les boutiques de la marque, présentes dans plus de 60 pays. En
Belgique, elle a été lancée en présence des deux vice-Premières ministres, Joëlle Milquet et
Laurette Onkelinx, qui ont reçu une crème pour les mains vendue au profit de la campagne. ECPAT
Belgique a aussi rédigé un rapport, la « Belgium Progress Card 2010 », sur le dispositif de
protection des mineurs en Belgique et les mesures à prendre pour l’améliorer.

La chanteuse Dani Klein a accepté d’être la marraine de la campagne en Belgique, en signant l’une
des premières pétitions, qui demandaient :

- la révision urgente des conditions d’obtention du statut de « victime de traite » pour les
  enfants victimes de trafic, afin qu’ils aient accès aux soins et à des programmes de protection
  spécifiques ;
- davantage de possibilités de logement et d’abris offrant une assistance aux enfants victimes de
  trafic, surtout dans les petites villes ;
- la création d’unités de police spécialisées dans l’identification des mineurs non accompagnés.

**102 911 Belges ont signé la pétition.** Le 28 juillet 2011, les pétitions ont été remises à
Joëlle Milquet, vice-Première ministre et ministre de l’Égalité des chances, qui a réitéré son
engagement pour la cause et s’est engagée à réviser les conditions d’obtention du statut de
« victime de traite ». En décembre 2011, peu après la formation du nouveau gouvernement, le cabinet
de Joëlle Milquet, devenue ministre de l’Intérieur et de l’Égalité des chances, a contacté ECPAT
Belgique pour mettre en place les mesures concrètes demandées dans la pétition. En 2012, ECPAT
Belgique a publié une analyse de la protection des enfants contre la traite en Belgique, pour
évaluer les changements intervenus en trois ans de campagne.

Au niveau européen, plus de 2 millions de pétitions ont été remises le 28 juin 2011 à la
commissaire européenne Cecilia Malmström, en présence de la directrice exécutive d’ECPAT
International et du responsable des campagnes internationales de The Body Shop. Dans le monde, plus
de 7 millions de pétitions ont été signées : en septembre 2011, elles ont été remises aux Nations
unies (Comité des droits de l’enfant et Conseil des droits de l’homme), faisant de cette campagne
la plus importante pétition jamais remise aux Nations unies. À l’issue de la campagne, ECPAT
International a publié le rapport « Creating Change through Partnership ».

## Des projets européens

Pour sensibiliser et renforcer la protection des enfants contre l’exploitation sexuelle dans
l’Union européenne, ECPAT Belgique, qui seconde ECPAT International dans le plaidoyer au niveau
européen, s’est engagé dans plusieurs projets :

- **Mario** : coordonné par Terre des Hommes, ce projet vise à améliorer la protection des enfants
  migrants, de et en Europe, contre l’exploitation et la traite. ECPAT Belgique y est responsable
  du plaidoyer européen, qui consiste notamment à suivre et à influencer les politiques européennes
  concernant les enfants migrants.
- **Together against Sexual Exploitation of Children** : en collaboration avec Missing Children
  Europe et eNACSO, ECPAT Belgique a mené une recherche sur la mise en œuvre, dans les 27 États
  membres de l’Union européenne, de la directive européenne relative à la lutte contre les abus
  sexuels et l’exploitation sexuelle des enfants, ainsi que la pédopornographie. Les résultats sont
  disponibles dans le rapport du même nom.

ECPAT Belgique participe régulièrement à des réunions, consultations et autres évènements
européens. Il est également membre de plusieurs plateformes européennes, comme l’EU Civil Society
Platform against Trafficking in Human Beings ou l’Initiative for Children in Migration.

## Des projets dans le monde

Entre 2010 et 2014, ECPAT Belgique a soutenu des projets de recherche, de plaidoyer et de
sensibilisation dans le monde, notamment :

- **en Roumanie**, « Preventing Trafficking in Women and Children » : sensibiliser aux réalités de
  la traite les bénéficiaires d’ACSIS, une association roumaine qui travaille avec des mères
  célibataires, grâce à des ateliers, des actions de prévention et des manuels ;
- **en Colombie**, le projet « Golondrina » : des campagnes de sensibilisation dans des écoles (à
  Santafe, Candelaria et San Cristobal) pour prévenir les abus sexuels sur les enfants. Devant leur
  succès – 2 100 élèves et 380 professeurs sensibilisés –, le projet s’est orienté vers le
  plaidoyer auprès des gouvernements locaux, pour qu’ils intègrent la prévention de l’exploitation
  sexuelle dans leurs programmes de développement ;
- **au Sénégal**, avec l’ONG sénégalaise Action, Jeunesse, Environnement : une cartographie de
  l’exploitation sexuelle des enfants à Dakar, selon une méthode qui place les enfants au centre de
  la recherche, de la collecte des données à l’élaboration de solutions concrètes, en passant par
  l’identification des problèmes et l’analyse des données.
"""

_PROJECTS_NL = """\
Met zijn acties op het terrein wil ECPAT België kinderen die slachtoffer zijn beter identificeren
en opvangen.

## ReACT: professionals op het terrein opleiden

Met het project ReACT (Reinforcing Assistance to Child victims of Trafficking) leert ECPAT België
professionals op het terrein om gevallen van uitbuiting te herkennen bij de minderjarigen die ze
begeleiden. Voor voogden en advocaten werden interactieve opleidingen uitgewerkt, gebaseerd op
concrete casussen.

Daarnaast werden er door en voor niet-begeleide minderjarige vreemdelingen instrumenten (video’s en
brochures) gemaakt die hen in duidelijke, toegankelijke taal informeren over hun rechten in België.

Om het fenomeen beter in kaart te brengen, werd op Europees en nationaal niveau onderzoek gevoerd
naar de rol van voogden en advocaten bij de identificatie en bescherming van kinderen die
slachtoffer zijn van mensenhandel. De resultaten werden in januari 2017 verspreid tijdens een
train-the-trainer in Leiden (Nederland).

## Make-IT-Safe: online veiligheid, door en voor jongeren

Het internet biedt enorme mogelijkheden om uit te wisselen en bij te leren, maar kan ook gevaarlijk
zijn (sextortion, grooming…). Wat is grooming? En sexting? Hoe bescherm je je privacy? Wat doe je
tegen cyberpesten? Met interactieve instrumenten en methodes (brochures, video’s, strips) gaat het
project Make-IT-Safe over al die vragen rechtstreeks in gesprek met 12- tot 18-jarigen, zodat ze
zichzelf en andere jongeren kunnen beschermen tegen de risico’s van online seksuele uitbuiting.

Het bijzondere aan het project: de jongeren doen zelf aan preventie bij hun leeftijdsgenoten. Een
jongere met problemen zal zich immers eerder tot leeftijdsgenoten wenden, en moet dan zo goed
mogelijk geadviseerd en doorverwezen kunnen worden.

ECPAT België werkt samen met scholen, centra voor niet-begeleide minderjarige vreemdelingen en
jeugdbewegingen. In elk van die organisaties werden twee jongeren opgeleid tot aanspreekpunt voor
online veiligheid. Een coach (leerkracht, maatschappelijk werker…) steunt hen bij hun opdracht;
wanneer die jongeren de organisatie verlaten, werft en vormt de coach nieuwe jongeren.

Ook de sensibilisering van ouders is een speerpunt van het project: ECPAT België biedt infosessies
en brochures met praktische tips aan, om ouders te helpen online veiligheid met hun kinderen te
bespreken.

Het project was een groot succes, zo bevestigden de verschillende betrokkenen (zie het “Final
evaluation report of the Make-IT-Safe project – Belgium”).

## Don’t Look Away: melden, overal in Europa

“Don’t Look Away” is een Europees meldplatform dat nationale meldpunten zoals “Ik zeg STOP!”
samenbrengt.

Het is ook een campagne tegen seksuele uitbuiting van kinderen, vooral tijdens grote
sportevenementen. Die trekken veel reizigers aan, wat het risico op seksuele uitbuiting van
kinderen vergroot. Daarom is het belangrijk om aan preventie te doen en reizigers aan te moedigen
elke verdachte situatie te melden. Tijdens het WK voetbal in Brazilië (2014) verleenden de
voetballers Kaká en Juninho hun gezicht aan de boodschap van de campagne.

Don’t Look Away richt zich ook tot professionals uit de toeristische sector, met een serious game:
aan de hand van concrete situaties kan iedereen testen hoe hij of zij zou reageren op mogelijke
gevallen van seksueel misbruik van kinderen. En jij, hoe zou jij reageren?

Tot slot is Don’t Look Away een internationaal consortium van partners uit verschillende sectoren,
actief in tal van landen, onder meer België, Brazilië, Bulgarije, Duitsland, Frankrijk, Gambia,
Italië, Kenia, Luxemburg, Madagaskar, Nederland, Oekraïne, Oostenrijk, Polen, Roemenië, Senegal,
Spanje, Tsjechië, het Verenigd Koninkrijk, Zuid-Afrika en Zwitserland.

## De petitie met The Body Shop

Van 2009 tot 2012 sloegen ECPAT International en The Body Shop de handen in elkaar voor een
internationale campagne tegen handel in minderjarigen voor seksuele doeleinden, die in augustus
2009 van start ging. De doelstellingen: het publiek bewust maken van de omvang van het probleem,
geld inzamelen voor projecten die mensenhandel voorkomen of slachtoffers helpen, en beleidsmakers
aansporen om minderjarigen beter te beschermen. Bij de start van de campagne publiceerden ECPAT en
The Body Shop het rapport “Their protection is in our hands”.

De campagne liep in de winkels van het merk, in meer dan 60 landen. In België vond de lancering
plaats in aanwezigheid van de twee vicepremiers Joëlle Milquet en Laurette Onkelinx, die een
handcrème kregen die ten voordele van de campagne werd verkocht. ECPAT België schreef ook een
rapport, de “Belgium Progress Card 2010”, over de bescherming van minderjarigen in België, met de
maatregelen die nodig zijn om die te verbeteren.

Zangeres Dani Klein werd meter van de campagne in België en ondertekende een van de eerste
petities, die het volgende vroegen:

- een dringende herziening van de voorwaarden om het statuut van “slachtoffer van mensenhandel” te
  krijgen voor kinderen die slachtoffer zijn van mensenhandel, zodat ze toegang krijgen tot zorg en
  specifieke beschermingsprogramma’s;
- meer mogelijkheden voor huisvesting en opvang met hulp voor kinderen die slachtoffer zijn van
  mensenhandel, vooral in kleinere steden;
- de oprichting van politie-eenheden die gespecialiseerd zijn in de identificatie van
  niet-begeleide minderjarigen.

**In België ondertekenden 102.911 mensen de petitie.** Op 28 juli 2011 werden de petities
overhandigd aan Joëlle Milquet, vicepremier en minister van Gelijke Kansen. Zij bevestigde haar
engagement voor de zaak en beloofde de voorwaarden voor het statuut van “slachtoffer van
mensenhandel” te herzien. In december 2011, kort na de vorming van de nieuwe regering, nam het
kabinet van Joëlle Milquet, intussen minister van Binnenlandse Zaken en Gelijke Kansen, contact op
met ECPAT België om de concrete maatregelen uit de petitie uit te voeren. In 2012 publiceerde ECPAT
België een analyse van de bescherming van kinderen tegen mensenhandel in België, om de
veranderingen na drie jaar campagne te evalueren.

Op Europees niveau werden op 28 juni 2011 meer dan 2 miljoen petities overhandigd aan Europees
commissaris Cecilia Malmström, in aanwezigheid van de uitvoerend directeur van ECPAT International
en de verantwoordelijke voor internationale campagnes van The Body Shop. Wereldwijd werden meer dan
7 miljoen petities ondertekend: in september 2011 werden ze overhandigd aan de Verenigde Naties
(het Comité voor de Rechten van het Kind en de Mensenrechtenraad). Het was de grootste petitie die
ooit aan de Verenigde Naties werd overhandigd. Na afloop van de campagne publiceerde ECPAT
International het rapport “Creating Change through Partnership”.

## Europese projecten

Om de bescherming van kinderen tegen seksuele uitbuiting in de Europese Unie te versterken en er
meer aandacht voor te vragen, zet ECPAT België, dat ECPAT International bijstaat bij de
belangenbehartiging op Europees niveau, zich in voor verschillende projecten:

- **Mario**: dit project, gecoördineerd door Terre des Hommes, wil migrantenkinderen uit en in
  Europa beter beschermen tegen uitbuiting en mensenhandel. ECPAT België is verantwoordelijk voor
  de Europese belangenbehartiging: het volgt het Europese beleid over migrantenkinderen op en
  probeert het te beïnvloeden.
- **Together against Sexual Exploitation of Children**: in samenwerking met Missing Children Europe
  en eNACSO onderzocht ECPAT België hoe de 27 lidstaten van de Europese Unie de Europese richtlijn
  ter bestrijding van seksueel misbruik en seksuele uitbuiting van kinderen en kinderpornografie
  uitvoeren. De resultaten staan in het gelijknamige rapport.

ECPAT België neemt geregeld deel aan Europese vergaderingen, consultaties en andere evenementen.
Het is ook lid van verschillende Europese platformen, zoals het EU Civil Society Platform against
Trafficking in Human Beings en het Initiative for Children in Migration.

## Projecten wereldwijd

Tussen 2010 en 2014 steunde ECPAT België wereldwijd projecten rond onderzoek, belangenbehartiging
en sensibilisering, onder meer:

- **in Roemenië**, “Preventing Trafficking in Women and Children”: met workshops,
  preventieactiviteiten en handleidingen werden de begunstigden van ACSIS, een Roemeense vereniging
  die met alleenstaande moeders werkt, bewust gemaakt van de realiteit van mensenhandel;
- **in Colombia**, het project “Golondrina”: sensibiliseringscampagnes in scholen (in Santafe,
  Candelaria en San Cristobal) om seksueel misbruik van kinderen te voorkomen. Na het succes
  daarvan – 2.100 leerlingen en 380 leerkrachten werden bereikt – verschoof het project naar
  belangenbehartiging bij de lokale overheden, zodat die de preventie van seksuele uitbuiting in
  hun ontwikkelingsprogramma’s zouden opnemen;
- **in Senegal**, samen met de Senegalese ngo Action, Jeunesse, Environnement: een kaart van
  seksuele uitbuiting van kinderen in Dakar, op basis van een methode die kinderen centraal stelt
  in het hele onderzoek, van het verzamelen van gegevens tot het uitwerken van concrete
  oplossingen, via het identificeren van de problemen en de analyse van de gegevens.
"""

_PROJECTS_EN = """\
ECPAT Belgium’s work on the ground aims to improve how child victims are identified and cared for.

## ReACT: training frontline professionals

Through the ReACT project (Reinforcing Assistance to Child victims of Trafficking), ECPAT Belgium
trains frontline professionals to detect cases of exploitation among the minors they support.
Interactive training based on real cases has been developed for guardians and lawyers.

Tools (videos and brochures) have also been created by and for unaccompanied foreign minors, to
tell them about their rights in Belgium in clear, accessible language.

To document the issue better, research was carried out at European and national level on the role
of guardians and lawyers in identifying and protecting child victims of trafficking. Its findings
were shared at a training-of-trainers session in Leiden (the Netherlands) in January 2017.

## Make-IT-Safe: online safety, by and for young people

The internet is a space for exchange and knowledge with immense possibilities, but using it can
also be dangerous (sextortion, grooming…). What is grooming? What is sexting? How can you protect
your privacy? What can you do about cyberbullying? Using interactive tools and methods (brochures,
videos, comics), the Make-IT-Safe project tackles all these questions directly with 12 to
18-year-olds, so that they can protect themselves and other young people from the risks of online
sexual exploitation.

What makes the project original is that teenagers themselves do the prevention work with other
young people. A young person in difficulty is likely to turn to their peers first, and must then be
able to get the best possible advice and guidance.

ECPAT Belgium works with schools, centres for unaccompanied foreign minors and youth movements. In
each of these organisations, two teenagers have been trained to become the online safety contact
point. A coach (a teacher, social worker, etc.) supports them in this role; when they leave the
organisation, the coach recruits and trains new young people.

Raising parents’ awareness is another focus of the project: ECPAT Belgium offers information
sessions and brochures with practical tips to help parents talk about online safety with their
children.

The project was a resounding success, praised by all involved (see the ‘Final evaluation report of
the Make-IT-Safe project – Belgium’).

## Don’t Look Away: reporting across Europe

‘Don’t Look Away’ is a European reporting platform that brings together national reporting lines
such as ‘I say STOP!’.

It is also a campaign against the sexual exploitation of children, especially during major sporting
events. These events draw large numbers of travellers, which increases the risk of children being
sexually exploited, so it is important to work on prevention and to encourage travellers to report
any suspicious situation. During the 2014 football World Cup in Brazil, the footballers Kaká and
Juninho lent their image to the campaign’s message.

Don’t Look Away also reaches out to tourism professionals with a serious game: through real-life
cases, anyone can test how they would react to potential situations of child sexual abuse. How
would you react?

Finally, Don’t Look Away is an international consortium of partners from different sectors, working
in many countries, including Austria, Belgium, Brazil, Bulgaria, the Czech Republic, France, the
Gambia, Germany, Italy, Kenya, Luxembourg, Madagascar, the Netherlands, Poland, Romania, Senegal,
South Africa, Spain, Switzerland, Ukraine and the United Kingdom.

## The petition with The Body Shop

From 2009 to 2012, ECPAT International and The Body Shop joined forces in an international campaign
against the trafficking of children and young people for sexual purposes, launched in August 2009.
Its aims were to raise public awareness of the scale of the problem, to raise funds for projects
that prevent trafficking or help its victims, and to urge decision-makers to act to give children
better protection. At the launch, ECPAT and The Body Shop published the report ‘Their protection is
in our hands’.

The campaign ran in the brand’s shops in more than 60 countries. In Belgium, it was launched in the
presence of the two Deputy Prime Ministers, Joëlle Milquet and Laurette Onkelinx, who were
presented with a hand cream sold in aid of the campaign. ECPAT Belgium also wrote a report, the
‘Belgium Progress Card 2010’, on the system for protecting minors in Belgium, setting out the
measures needed to improve it.

The singer Dani Klein agreed to be the campaign’s patron in Belgium, signing one of the first
petitions, which called for:

- an urgent review of the conditions for obtaining ‘victim of trafficking’ status for trafficked
  children, so that they can access care and specific protection programmes;
- more housing and shelters providing assistance to trafficked children, especially in smaller
  towns;
- the creation of police units specialising in identifying unaccompanied minors.

**102,911 people in Belgium signed the petition.** On 28 July 2011, the petitions were handed to
Joëlle Milquet, Deputy Prime Minister and Minister for Equal Opportunities, who renewed her
commitment to the cause and undertook to review the conditions for obtaining ‘victim of
trafficking’ status. In December 2011, shortly after the new government was formed, the office of
Joëlle Milquet, now Minister of the Interior and Equal Opportunities, contacted ECPAT Belgium to
put the concrete measures in the petition into practice. In 2012, ECPAT Belgium published an
analysis of the protection of children against trafficking in Belgium, to assess the changes made
over three years of campaigning.

At European level, more than 2 million petitions were handed to European Commissioner Cecilia
Malmström on 28 June 2011, in the presence of the Executive Director of ECPAT International and The
Body Shop’s head of international campaigns. Worldwide, more than 7 million petitions were signed:
in September 2011, they were presented to the United Nations (the Committee on the Rights of the
Child and the Human Rights Council), making it the largest petition ever delivered to the United
Nations. After the campaign, ECPAT International published the report ‘Creating Change through
Partnership’.

## European projects

To raise awareness and strengthen the protection of children against sexual exploitation in the
European Union, ECPAT Belgium, which supports ECPAT International in its advocacy at European
level, has taken part in several projects:

- **Mario**: coordinated by Terre des Hommes, this project aims to better protect migrant children
  from and in Europe against exploitation and trafficking. ECPAT Belgium is responsible for
  European advocacy, which includes monitoring and influencing EU policies on migrant children.
- **Together against Sexual Exploitation of Children**: in collaboration with Missing Children
  Europe and eNACSO, ECPAT Belgium carried out research into how the 27 EU member states implement
  the European Directive on combating the sexual abuse and sexual exploitation of children and
  child pornography. The findings are available in the report of the same name.

ECPAT Belgium regularly takes part in European meetings, consultations and other events. It is also
a member of several European platforms, such as the EU Civil Society Platform against Trafficking
in Human Beings and the Initiative for Children in Migration.

## Projects around the world

Between 2010 and 2014, ECPAT Belgium supported research, advocacy and awareness-raising projects
around the world, including:

- **in Romania**, ‘Preventing Trafficking in Women and Children’, which made the beneficiaries of
  ACSIS, a Romanian association working with single mothers, aware of the realities of trafficking
  through workshops, prevention sessions and handbooks;
- **in Colombia**, the ‘Golondrina’ project, which began with awareness campaigns in schools (in
  Santafe, Candelaria and San Cristobal) to prevent the sexual abuse of children. Following their
  success – 2,100 pupils and 380 teachers reached – the project moved on to advocacy with local
  governments, so that they would include the prevention of sexual exploitation in their
  development programmes;
- **in Senegal**, with the Senegalese NGO Action, Jeunesse, Environnement, a mapping of the sexual
  exploitation of children in Dakar, using a method that puts children at the centre of the
  research, from data collection to working out practical solutions, by way of identifying problems
  and analysing data.
"""

# --- Privacy and legal notice -------------------------------------------------------------------

_PRIVACY_FR = """\
## Qui gère ce site

Le site « Je dis STOP ! » est édité et géré par ECPAT Belgique, qui coordonne la campagne pour le
Groupe STOP. Textes © ECPAT Belgique.

## Ce que nous enregistrons quand vous faites un signalement

Le site n’enregistre sur vous rien que vous n’ayez pas vous-même écrit : ni votre adresse IP, ni
aucun identifiant de votre appareil ou de votre navigateur. Vous n’avez pas à donner votre nom.

- **Chiffrement** : le contenu des signalements et les photos sont chiffrés là où ils sont stockés.
- **Photos** : toutes leurs métadonnées (lieu, appareil photo…) sont supprimées. Seule exception :
  si vous le choisissez explicitement, le lieu et le moment de la prise de vue sont conservés, et
  rien d’autre.
- **Code de suivi** : il n’est conservé que sous la forme d’une empreinte irréversible (un
  « hachage »). Personne ne peut le retrouver, pas même ECPAT Belgique : gardez-le précieusement.

Pour freiner les usages abusifs des formulaires, le site garde brièvement, en mémoire temporaire
uniquement, une empreinte irréversible de l’adresse de connexion ; elle
n’est jamais enregistrée avec votre signalement.

## Qui lit votre signalement

Les signalements sont lus par l’équipe d’ECPAT Belgique, qui les transmet à la Police fédérale ou,
pour des faits commis à l’étranger, aux autorités compétentes par l’intermédiaire du SPF Affaires
étrangères.

## Combien de temps nous conservons les données

Une fois un signalement clôturé, il est supprimé après une période limitée fixée par ECPAT
Belgique : son contenu, les messages échangés et les photos sont effacés. Seules des statistiques
anonymes sont conservées : les dates, le fait que la situation se soit produite en Belgique ou à
l’étranger, le pays et l’issue du signalement.

## Cookies

Le site n’utilise que trois cookies :

- **csrftoken** : protège les formulaires contre les envois frauduleux depuis d’autres sites ;
- **django_language** : retient la langue que vous avez choisie avec le sélecteur de langue ;
- **sessionid** : uniquement lorsque vous ouvrez la page de suivi avec votre code (il prend fin
  après 30 minutes), ou pour les membres de l’équipe connectés à l’espace d’administration.

Pas d’outil de mesure d’audience, pas de contenu de tiers, pas de polices de caractères externes :
ce site ne vous expose à aucun service tiers.
"""

_PRIVACY_NL = """\
## Wie beheert deze website?

De website “Ik zeg STOP!” wordt uitgegeven en beheerd door ECPAT België, dat de campagne
coördineert voor de groep STOP. Teksten © ECPAT België.

## Wat we bewaren als je een melding doet

De website bewaart over jou niets wat je niet zelf hebt ingetypt: geen IP-adres en niets waarmee je
toestel of browser herkend kan worden. Je hoeft je naam niet te geven.

- **Versleuteling**: de inhoud van meldingen en de foto’s worden versleuteld opgeslagen.
- **Foto’s**: alle metadata (locatie, camera…) worden verwijderd. Alleen als je daar uitdrukkelijk
  voor kiest, blijven de plaats en het tijdstip van de opname bewaard, en verder niets.
- **Opvolgcode**: we bewaren die alleen als een onomkeerbare vingerafdruk (een “hash”). Niemand kan
  hem terugvinden, ook ECPAT België niet: bewaar hem dus goed.

Om misbruik van de formulieren af te remmen, houdt de website kort, en alleen in een tijdelijk
geheugen, een onomkeerbare vingerafdruk van het verbindingsadres bij. Die wordt nooit bij je
melding bewaard.

## Wie leest je melding?

Meldingen worden gelezen door het team van ECPAT België. Dat stuurt ze door naar de Federale
Politie of, voor feiten in het buitenland, via de FOD Buitenlandse Zaken naar de bevoegde
autoriteiten.

## Hoelang we gegevens bewaren

Wanneer een melding is afgesloten, wordt ze verwijderd na een beperkte termijn die ECPAT België
vastlegt: de inhoud, de uitgewisselde berichten en de foto’s worden gewist. Alleen anonieme
statistieken blijven bewaard: de datums, of de situatie zich in België of in het buitenland
voordeed, het land en de afloop van de melding.

## Cookies

De website gebruikt maar drie cookies:

- **csrftoken**: beschermt de formulieren tegen vervalste verzoeken vanaf andere websites;
- **django_language**: onthoudt de taal die je met de taalkeuze hebt gekozen;
- **sessionid**: alleen als je met je code de opvolgpagina opent (hij vervalt na 30 minuten), of
  voor teamleden die aangemeld zijn in de beheeromgeving.

Geen bezoekersstatistieken, geen inhoud van derden, geen externe lettertypes: wie deze website
bezoekt, komt niet in contact met diensten van derden.
"""

_PRIVACY_EN = """\
## Who runs this website

The ‘I say STOP!’ website is published and run by ECPAT Belgium, which coordinates the campaign for
the STOP group. Texts © ECPAT Belgium.

## What we store when you make a report

The website stores nothing about you that you did not type yourself: no IP address, and no
identifier of your device or browser. You do not have to give your name.

- **Encryption**: report contents and photos are stored encrypted.
- **Photos**: all metadata (location, camera and so on) is removed. The one exception: if you
  explicitly choose to, the place and time the photo was taken are kept – and nothing else.
- **Follow-up code**: we store it only as an irreversible fingerprint (a ‘hash’). No one can
  recover it, not even ECPAT Belgium, so keep it safe.

To slow down abuse of the forms, the website briefly keeps an irreversible fingerprint of the
connection’s address, in temporary memory only. It is never stored with your report.

## Who reads your report

Reports are read by ECPAT Belgium staff, who pass them on to the Federal Police or, for events
abroad, to the relevant authorities through FPS Foreign Affairs.

## How long we keep data

Once a report is closed, it is deleted after a limited period set by ECPAT Belgium: its contents,
the messages exchanged and the photos are erased. Only anonymous statistics are kept: the dates,
whether the situation was in Belgium or abroad, the country and the outcome.

## Cookies

The website uses only three cookies:

- **csrftoken**: protects forms against forgery (requests sent from other websites);
- **django_language**: remembers the language you chose with the language switcher;
- **sessionid**: only when you open the follow-up page with your code (it ends after 30 minutes),
  or for staff logged in to the admin area.

No analytics, no third-party content, no external fonts: visiting this website does not expose you
to any third-party service.
"""

PAGES = [
    {
        "slug": "campaign",
        "order": 1,
        "title": {
            "fr": "La campagne « Je dis STOP ! »",
            "nl": "De campagne “Ik zeg STOP!”",
            "en": "The ‘I say STOP!’ campaign",
        },
        "summary": {
            "fr": (
                "« Je dis STOP ! » sensibilise voyageurs et professionnels du tourisme à "
                "l’exploitation sexuelle des enfants et permet de signaler les situations "
                "suspectes."
            ),
            "nl": (
                "“Ik zeg STOP!” maakt reizigers en de toeristische sector bewust van seksuele "
                "uitbuiting van kinderen en laat iedereen verdachte situaties melden."
            ),
            "en": (
                "‘I say STOP!’ makes travellers and the tourism industry aware of the sexual "
                "exploitation of children and lets anyone report a suspicious situation."
            ),
        },
        "body": {"fr": _CAMPAIGN_FR, "nl": _CAMPAIGN_NL, "en": _CAMPAIGN_EN},
    },
    {
        "slug": "exploitation",
        "order": 2,
        "title": {
            "fr": "Qu’est-ce que l’exploitation sexuelle des enfants ?",
            "nl": "Wat is seksuele uitbuiting van kinderen?",
            "en": "What is child sexual exploitation?",
        },
        "summary": {
            "fr": (
                "Définition, formes et ampleur de l’exploitation sexuelle des enfants : selon "
                "l’OIT, 900 000 enfants en sont victimes dans le monde."
            ),
            "nl": (
                "Definitie, vormen en omvang van seksuele uitbuiting van kinderen: volgens de IAO "
                "zijn wereldwijd 900.000 kinderen slachtoffer."
            ),
            "en": (
                "What the sexual exploitation of children is, the forms it takes and its scale: "
                "the ILO estimates that 900,000 children are victims worldwide."
            ),
        },
        "body": {"fr": _EXPLOITATION_FR, "nl": _EXPLOITATION_NL, "en": _EXPLOITATION_EN},
    },
    {
        "slug": "how-to-act",
        "order": 3,
        "title": {"fr": "Comment agir", "nl": "Hoe reageren", "en": "How to act"},
        "summary": {
            "fr": (
                "Reconnaître les signaux, signaler une situation suspecte en Belgique ou à "
                "l’étranger, savoir ce qui se passe ensuite et qui appeler en urgence."
            ),
            "nl": (
                "Signalen herkennen, een verdachte situatie melden in België of in het buitenland, "
                "weten wat er daarna gebeurt en wie je belt in een noodgeval."
            ),
            "en": (
                "Spot the signs, report a suspicious situation in Belgium or abroad, find out what "
                "happens next and who to call in an emergency."
            ),
        },
        "body": {"fr": _HOW_TO_ACT_FR, "nl": _HOW_TO_ACT_NL, "en": _HOW_TO_ACT_EN},
    },
    {
        "slug": "the-code",
        "order": 4,
        "title": {"fr": "The Code", "nl": "The Code", "en": "The Code"},
        "summary": {
            "fr": (
                "Depuis 1998, The Code engage des centaines d’entreprises du tourisme contre "
                "l’exploitation sexuelle des enfants ; ECPAT Belgique en est le représentant "
                "local."
            ),
            "nl": (
                "Sinds 1998 engageren honderden toeristische bedrijven zich via The Code tegen "
                "seksuele uitbuiting van kinderen. ECPAT België is de lokale vertegenwoordiger."
            ),
            "en": (
                "Since 1998, The Code has brought hundreds of tourism companies together against "
                "the sexual exploitation of children; ECPAT Belgium represents it locally."
            ),
        },
        "body": {"fr": _THE_CODE_FR, "nl": _THE_CODE_NL, "en": _THE_CODE_EN},
    },
    {
        "slug": "projects",
        "order": 5,
        "title": {
            "fr": "Des projets concrets au service des enfants",
            "nl": "Concrete projecten voor kinderen",
            "en": "Practical projects for children",
        },
        "summary": {
            "fr": (
                "ReACT, Make-IT-Safe, Don’t Look Away, la pétition avec The Body Shop et des "
                "projets en Europe et dans le monde : les actions d’ECPAT Belgique."
            ),
            "nl": (
                "ReACT, Make-IT-Safe, Don’t Look Away, de petitie met The Body Shop en projecten "
                "in Europa en de wereld: de acties van ECPAT België."
            ),
            "en": (
                "ReACT, Make-IT-Safe, Don’t Look Away, the petition with The Body Shop and "
                "projects in Europe and worldwide: the work of ECPAT Belgium."
            ),
        },
        "body": {"fr": _PROJECTS_FR, "nl": _PROJECTS_NL, "en": _PROJECTS_EN},
    },
    {
        "slug": "privacy",
        "order": 6,
        "title": {
            "fr": "Vie privée et mentions légales",
            "nl": "Privacy en wettelijke vermeldingen",
            "en": "Privacy and legal notice",
        },
        "summary": {
            "fr": (
                "Ce que le site enregistre (et n’enregistre pas) quand vous signalez une "
                "situation, les cookies qu’il utilise et qui le gère."
            ),
            "nl": (
                "Wat deze website bewaart (en niet bewaart) als je een situatie meldt, welke "
                "cookies hij gebruikt en wie hem beheert."
            ),
            "en": (
                "What this website stores (and does not store) when you report a situation, which "
                "cookies it uses and who runs it."
            ),
        },
        "body": {"fr": _PRIVACY_FR, "nl": _PRIVACY_NL, "en": _PRIVACY_EN},
    },
]
