"""Demo content of the foundation: vocabularies, organisations from the seeds, home and general pages."""

from wagtail.models import Site

from home.demo import DemoLoader, Text, paragraphs
from home.models import (
    CompetenceArea,
    Format,
    HomePage,
    Level,
    Organisation,
    OrganisationKind,
    Region,
    SiteLinks,
    StandardPage,
    StrategicObjective,
    TargetGroup,
)

TARGET_GROUPS = [
    (
        "girls-under-12",
        Text("Girls under 12", "Filles de moins de 12 ans", "Meisjes jonger dan 12", "Mädchen unter 12"),
    ),
    (
        "teenage-girls",
        Text(
            "Teenage girls (12-18)",
            "Adolescentes (12-18 ans)",
            "Tienermeisjes (12-18)",
            "Mädchen im Teenageralter (12-18)",
        ),
    ),
    (
        "students-choosing-studies",
        Text(
            "Students choosing their studies (17-18)",
            "Élèves qui choisissent leurs études (17-18 ans)",
            "Leerlingen die een studiekeuze maken (17-18)",
            "Schülerinnen vor der Studienwahl (17-18)",
        ),
    ),
    (
        "women-jobseekers",
        Text("Women jobseekers", "Demandeuses d'emploi", "Werkzoekende vrouwen", "Arbeitsuchende Frauen"),
    ),
    (
        "career-changers",
        Text(
            "Women changing career or reskilling",
            "Femmes en reconversion professionnelle",
            "Vrouwen die van loopbaan veranderen of zich omscholen",
            "Frauen im Berufswechsel oder in Umschulung",
        ),
    ),
    (
        "entrepreneurs-managers",
        Text(
            "Women entrepreneurs and managers",
            "Entrepreneuses et dirigeantes",
            "Ondernemende vrouwen en managers",
            "Unternehmerinnen und Managerinnen",
        ),
    ),
    (
        "women-55-74",
        Text(
            "Women aged 55 to 74",
            "Femmes de 55 à 74 ans",
            "Vrouwen van 55 tot 74 jaar",
            "Frauen von 55 bis 74 Jahren",
        ),
    ),
    (
        "single-mothers",
        Text("Single mothers", "Mères célibataires", "Alleenstaande moeders", "Alleinerziehende Mütter"),
    ),
    (
        "women-foreign-origin",
        Text(
            "Women of foreign origin",
            "Femmes d'origine étrangère",
            "Vrouwen met een migratieachtergrond",
            "Frauen mit Migrationshintergrund",
        ),
    ),
    (
        "women-with-disability",
        Text(
            "Women with a disability",
            "Femmes en situation de handicap",
            "Vrouwen met een handicap",
            "Frauen mit Behinderung",
        ),
    ),
    (
        "teachers-educators",
        Text(
            "Teachers and educators",
            "Enseignants et éducateurs",
            "Leerkrachten en opvoeders",
            "Lehrkräfte und Pädagogen",
        ),
    ),
    ("parents", Text("Parents", "Parents", "Ouders", "Eltern")),
    (
        "employers-hr",
        Text(
            "Employers and HR", "Employeurs et RH", "Werkgevers en hr", "Arbeitgeber und Personalabteilungen"
        ),
    ),
]

COMPETENCE_AREAS = [
    (
        "information-data-literacy",
        "digcomp",
        Text(
            "Information and data literacy",
            "Maîtrise de l'information et des données",
            "Informatie- en datageletterdheid",
            "Informations- und Datenkompetenz",
        ),
    ),
    (
        "communication-collaboration",
        "digcomp",
        Text(
            "Communication and collaboration",
            "Communication et collaboration",
            "Communicatie en samenwerking",
            "Kommunikation und Zusammenarbeit",
        ),
    ),
    (
        "digital-content-creation",
        "digcomp",
        Text(
            "Digital content creation",
            "Création de contenu numérique",
            "Digitale contentcreatie",
            "Erstellung digitaler Inhalte",
        ),
    ),
    ("safety", "digcomp", Text("Safety", "Sécurité", "Veiligheid", "Sicherheit")),
    (
        "problem-solving",
        "digcomp",
        Text("Problem solving", "Résolution de problèmes", "Problemen oplossen", "Problemlösung"),
    ),
    (
        "programming-web",
        "advanced",
        Text(
            "Programming and web development",
            "Programmation et développement web",
            "Programmeren en webontwikkeling",
            "Programmierung und Webentwicklung",
        ),
    ),
    (
        "data-ai",
        "advanced",
        Text(
            "Data and artificial intelligence",
            "Données et intelligence artificielle",
            "Data en artificiële intelligentie",
            "Daten und künstliche Intelligenz",
        ),
    ),
    (
        "cybersecurity",
        "advanced",
        Text("Cybersecurity", "Cybersécurité", "Cyberbeveiliging", "Cybersicherheit"),
    ),
    (
        "digital-marketing",
        "advanced",
        Text("Digital marketing", "Marketing numérique", "Digitale marketing", "Digitales Marketing"),
    ),
    (
        "digital-media-graphics",
        "advanced",
        Text(
            "Digital media and graphics",
            "Médias numériques et graphisme",
            "Digitale media en grafisch ontwerp",
            "Digitale Medien und Grafik",
        ),
    ),
    (
        "cloud-infrastructure",
        "advanced",
        Text(
            "Cloud and infrastructure",
            "Cloud et infrastructure",
            "Cloud en infrastructuur",
            "Cloud und Infrastruktur",
        ),
    ),
]

LEVELS = [
    ("basic", Text("Basic", "Débutant", "Basis", "Grundlagen")),
    ("intermediate", Text("Intermediate", "Intermédiaire", "Gevorderd", "Mittelstufe")),
    ("advanced", Text("Advanced", "Avancé", "Expert", "Fortgeschritten")),
]

FORMATS = [
    ("on-site", Text("On-site", "En présentiel", "Op locatie", "Vor Ort")),
    ("online", Text("Online", "En ligne", "Online", "Online")),
    ("blended", Text("Blended", "Hybride", "Gemengd", "Kombiniert")),
]

REGIONS = [
    (
        "brussels",
        Text(
            "Brussels-Capital", "Bruxelles-Capitale", "Brussels Hoofdstedelijk Gewest", "Brüssel-Hauptstadt"
        ),
    ),
    ("flanders", Text("Flanders", "Flandre", "Vlaanderen", "Flandern")),
    ("wallonia", Text("Wallonia", "Wallonie", "Wallonië", "Wallonien")),
    (
        "ostbelgien",
        Text(
            "German-speaking Community (Ostbelgien)",
            "Communauté germanophone (Ostbelgien)",
            "Duitstalige Gemeenschap (Ostbelgien)",
            "Deutschsprachige Gemeinschaft (Ostbelgien)",
        ),
    ),
    (
        "online-national",
        Text("Online / national", "En ligne / national", "Online / nationaal", "Online / national"),
    ),
]

OBJECTIVES = [
    (
        1,
        "more-women-graduates",
        Text(
            "More women graduate in digital",
            "Plus de femmes diplômées dans le numérique",
            "Meer vrouwen studeren af in digitale richtingen",
            "Mehr Frauen mit digitalem Abschluss",
        ),
    ),
    (
        2,
        "women-into-digital-jobs",
        Text(
            "Women into the digital labour market",
            "Les femmes sur le marché du travail numérique",
            "Vrouwen naar de digitale arbeidsmarkt",
            "Frauen auf den digitalen Arbeitsmarkt",
        ),
    ),
    (
        3,
        "retaining-women",
        Text(
            "Retaining women in digital",
            "Maintenir les femmes dans le numérique",
            "Vrouwen in digitale jobs houden",
            "Frauen im digitalen Bereich halten",
        ),
    ),
    (
        4,
        "new-images",
        Text(
            "New images: role models and media presence",
            "De nouvelles images : modèles et présence médiatique",
            "Nieuwe beelden: rolmodellen en aanwezigheid in de media",
            "Neue Bilder: Vorbilder und Medienpräsenz",
        ),
    ),
    (
        5,
        "closing-the-gap",
        Text(
            "Closing the gender gap among specific target groups",
            "Réduire l'écart entre les genres dans des groupes cibles spécifiques",
            "De genderkloof dichten bij specifieke doelgroepen",
            "Die Geschlechterlücke bei bestimmten Zielgruppen schließen",
        ),
    ),
]

ORGANISATIONS = [
    (
        "molengeek",
        "MolenGeek",
        OrganisationKind.TRAINING_PROVIDER,
        "brussels",
        "https://molengeek.com",
        Text(
            "Tech school and start-up ecosystem in Molenbeek that trains young jobseekers as web developers.",
            "École et écosystème tech à Molenbeek qui forme de jeunes demandeurs d'emploi au développement web.",
            "Techschool en start-upecosysteem in Molenbeek dat jonge werkzoekenden opleidt tot webontwikkelaar.",
            "Tech-Schule und Start-up-Ökosystem in Molenbeek, das junge Arbeitsuchende zu Webentwicklern ausbildet.",
        ),
    ),
    (
        "becode",
        "BeCode",
        OrganisationKind.TRAINING_PROVIDER,
        "brussels",
        "https://becode.org",
        Text(
            "Free coding bootcamps for jobseekers: web development, AI and data, cybersecurity.",
            "Formations intensives gratuites au code pour demandeurs d'emploi : web, IA et données, cybersécurité.",
            "Gratis codeerbootcamps voor werkzoekenden: webontwikkeling, AI en data, cyberbeveiliging.",
            "Kostenlose Programmier-Bootcamps für Arbeitsuchende: Webentwicklung, KI und Daten, Cybersicherheit.",
        ),
    ),
    (
        "bruxelles-formation",
        "Bruxelles Formation",
        OrganisationKind.PUBLIC_BODY,
        "brussels",
        "https://www.bruxellesformation.brussels",
        Text(
            "The Brussels institute for vocational training, with its BF digital spaces.",
            "L'institut bruxellois de la formation professionnelle, avec ses espaces numériques BF.",
            "Het Brusselse instituut voor beroepsopleiding, met zijn digitale ruimtes van BF.",
            "Das Brüsseler Institut für Berufsbildung mit seinen digitalen BF-Räumen.",
        ),
    ),
    (
        "interface3",
        "Interface3",
        OrganisationKind.TRAINING_PROVIDER,
        "brussels",
        "https://www.interface3.be",
        Text(
            "Training centre that prepares women for jobs in IT and technology.",
            "Centre de formation qui prépare les femmes aux métiers de l'informatique et de la technologie.",
            "Opleidingscentrum dat vrouwen voorbereidt op jobs in IT en technologie.",
            "Ausbildungszentrum, das Frauen auf Berufe in IT und Technik vorbereitet.",
        ),
    ),
    (
        "technofutur-tic",
        "Technofutur TIC",
        OrganisationKind.TRAINING_PROVIDER,
        "wallonia",
        "https://www.technofuturtic.be",
        Text(
            "Walloon competence centre for digital technologies.",
            "Centre de compétence wallon pour les technologies numériques.",
            "Waals competentiecentrum voor digitale technologieën.",
            "Wallonisches Kompetenzzentrum für digitale Technologien.",
        ),
    ),
    (
        "agoria",
        "Agoria",
        OrganisationKind.NETWORK,
        "online-national",
        "https://www.agoria.be",
        Text(
            "Federation of the Belgian technology industry.",
            "Fédération de l'industrie technologique belge.",
            "Federatie van de Belgische technologische industrie.",
            "Verband der belgischen Technologieindustrie.",
        ),
    ),
    (
        "actiris",
        "Actiris",
        OrganisationKind.PUBLIC_BODY,
        "brussels",
        "https://www.actiris.brussels",
        Text(
            "The Brussels public employment service.",
            "Le service public de l'emploi bruxellois.",
            "De Brusselse openbare dienst voor arbeidsbemiddeling.",
            "Der öffentliche Arbeitsvermittlungsdienst in Brüssel.",
        ),
    ),
    (
        "vdab",
        "VDAB",
        OrganisationKind.PUBLIC_BODY,
        "flanders",
        "https://www.vdab.be",
        Text(
            "The Flemish public employment and vocational training service.",
            "Le service public flamand de l'emploi et de la formation professionnelle.",
            "De Vlaamse openbare dienst voor arbeidsbemiddeling en beroepsopleiding.",
            "Der flämische öffentliche Dienst für Arbeitsvermittlung und Berufsbildung.",
        ),
    ),
    (
        "le-forem",
        "Le Forem",
        OrganisationKind.PUBLIC_BODY,
        "wallonia",
        "https://www.leforem.be",
        Text(
            "The Walloon public employment and training service.",
            "Le service public wallon de l'emploi et de la formation.",
            "De Waalse openbare dienst voor arbeidsbemiddeling en opleiding.",
            "Der wallonische öffentliche Dienst für Beschäftigung und Ausbildung.",
        ),
    ),
    (
        "adg",
        "Arbeitsamt der DG",
        OrganisationKind.PUBLIC_BODY,
        "ostbelgien",
        "https://www.adg.be",
        Text(
            "The employment office of the German-speaking Community.",
            "L'office de l'emploi de la Communauté germanophone.",
            "De arbeidsbemiddelingsdienst van de Duitstalige Gemeenschap.",
            "Das Arbeitsamt der Deutschsprachigen Gemeinschaft.",
        ),
    ),
    (
        "digitalchampions",
        "DigitalChampions.be",
        OrganisationKind.NETWORK,
        "online-national",
        "https://www.digitalchampions.be",
        Text(
            "A network of digital ambassadors who promote digital skills across Belgium.",
            "Un réseau d'ambassadeurs numériques qui promeuvent les compétences numériques en Belgique.",
            "Een netwerk van digitale ambassadeurs die digitale vaardigheden in heel België promoten.",
            "Ein Netzwerk digitaler Botschafter, die digitale Kompetenzen in ganz Belgien fördern.",
        ),
    ),
    (
        "fps-economy",
        "FPS Economy",
        OrganisationKind.PUBLIC_BODY,
        "online-national",
        "https://economie.fgov.be",
        Text(
            "The federal public service that leads the Women in Digital strategy.",
            "Le service public fédéral qui pilote la stratégie Women in Digital.",
            "De federale overheidsdienst die de Women in Digital-strategie leidt.",
            "Der föderale öffentliche Dienst, der die Women-in-Digital-Strategie leitet.",
        ),
    ),
]

HOME = {
    "title": Text("Be Digital Together", "Be Digital Together", "Be Digital Together", "Be Digital Together"),
    "introduction": Text(
        "Trainings, role models and events that open digital careers to women and girls across Belgium.",
        "Des formations, des modèles et des événements qui ouvrent les carrières numériques aux femmes et aux filles partout en Belgique.",
        "Opleidingen, rolmodellen en evenementen die digitale loopbanen openen voor vrouwen en meisjes in heel België.",
        "Schulungen, Vorbilder und Veranstaltungen, die Frauen und Mädchen in ganz Belgien digitale Berufe öffnen.",
    ),
}
HOME_SLUG = Text("home", "accueil", "start", "startseite")
HOME_HEADING = Text(
    "Why it matters", "Pourquoi c'est important", "Waarom het ertoe doet", "Warum es wichtig ist"
)
HOME_FACTS = [
    Text(
        "In Belgium, only around 19% of digital experts are women.",
        "En Belgique, seuls 19 % environ des experts du numérique sont des femmes.",
        "In België is maar ongeveer 19% van de digitale experts een vrouw.",
        "In Belgien sind nur rund 19 % der Digitalfachkräfte Frauen.",
    ),
    Text(
        "By 2030 the country may count almost 600,000 unfilled jobs that call for digital skills.",
        "D'ici 2030, le pays pourrait compter près de 600 000 emplois vacants qui demandent des compétences numériques.",
        "Tegen 2030 kan het land bijna 600.000 openstaande jobs tellen waarvoor digitale vaardigheden nodig zijn.",
        "Bis 2030 könnte es im Land fast 600.000 offene Stellen geben, die digitale Kompetenzen erfordern.",
    ),
]
HOME_QUOTE = Text(
    "Girls choose digital careers when they can see someone like them there.",
    "Les filles choisissent les carrières numériques quand elles y voient quelqu'un qui leur ressemble.",
    "Meisjes kiezen voor een digitale loopbaan als ze daar iemand zien die op hen lijkt.",
    "Mädchen entscheiden sich für digitale Berufe, wenn sie dort jemanden sehen, der ihnen ähnelt.",
)
HOME_QUOTE_BY = Text(
    "Women in Digital strategy",
    "Stratégie Women in Digital",
    "Women in Digital-strategie",
    "Women-in-Digital-Strategie",
)
CTA = {
    "title": Text(
        "About the platform", "À propos de la plateforme", "Over het platform", "Über die Plattform"
    ),
    "text": Text(
        "Who we are, who we work with and what we aim for.",
        "Qui nous sommes, avec qui nous travaillons et ce que nous visons.",
        "Wie we zijn, met wie we samenwerken en wat we willen bereiken.",
        "Wer wir sind, mit wem wir zusammenarbeiten und was wir erreichen wollen.",
    ),
    "link_text": Text("Read more", "En savoir plus", "Lees meer", "Mehr erfahren"),
}

STANDARD_PAGES = [
    {
        "slug": Text("about", "a-propos", "over-ons", "ueber-uns"),
        "title": Text(
            "About Be Digital Together",
            "À propos de Be Digital Together",
            "Over Be Digital Together",
            "Über Be Digital Together",
        ),
        "introduction": Text(
            "A federal initiative to bring more women and girls into digital and technology careers.",
            "Une initiative fédérale pour amener plus de femmes et de filles vers les métiers du numérique et de la technologie.",
            "Een federaal initiatief om meer vrouwen en meisjes naar digitale en technologische jobs te leiden.",
            "Eine föderale Initiative, die mehr Frauen und Mädchen in digitale und technische Berufe bringt.",
        ),
        "paragraphs": [
            Text(
                "Be Digital Together is part of the federal Women in Digital strategy, a five-year plan with five strategic objectives.",
                "Be Digital Together fait partie de la stratégie fédérale Women in Digital, un plan quinquennal à cinq objectifs stratégiques.",
                "Be Digital Together maakt deel uit van de federale Women in Digital-strategie, een vijfjarenplan met vijf strategische doelstellingen.",
                "Be Digital Together ist Teil der föderalen Women-in-Digital-Strategie, eines Fünfjahresplans mit fünf strategischen Zielen.",
            ),
            Text(
                "Women make up 52% of the population but only 17% of the people working in the digital sector.",
                "Les femmes représentent 52 % de la population mais seulement 17 % des personnes qui travaillent dans le secteur numérique.",
                "Vrouwen maken 52% van de bevolking uit, maar slechts 17% van de mensen die in de digitale sector werken.",
                "Frauen stellen 52 % der Bevölkerung, aber nur 17 % der Beschäftigten im Digitalsektor.",
            ),
        ],
        "menu": True,
    },
    {
        "slug": Text("accessibility", "accessibilite", "toegankelijkheid", "barrierefreiheit"),
        "title": Text(
            "Accessibility statement",
            "Déclaration d'accessibilité",
            "Toegankelijkheidsverklaring",
            "Erklärung zur Barrierefreiheit",
        ),
        "introduction": Text(
            "We want everyone to be able to use this site.",
            "Nous voulons que chacun puisse utiliser ce site.",
            "We willen dat iedereen deze site kan gebruiken.",
            "Wir möchten, dass alle diese Website nutzen können.",
        ),
        "paragraphs": [
            Text(
                "This site aims to meet the Web Content Accessibility Guidelines 2.1 at level AA in all four languages.",
                "Ce site vise à respecter les règles WCAG 2.1 au niveau AA dans les quatre langues.",
                "Deze site wil voldoen aan de WCAG 2.1-richtlijnen op niveau AA in alle vier de talen.",
                "Diese Website soll die WCAG 2.1 auf Stufe AA in allen vier Sprachen erfüllen.",
            ),
            Text(
                "If something does not work for you, tell us through the contact page and we will answer within five working days.",
                "Si quelque chose ne fonctionne pas pour vous, dites-le-nous via la page de contact : nous répondrons dans les cinq jours ouvrables.",
                "Werkt iets niet voor u, laat het ons weten via de contactpagina. We antwoorden binnen vijf werkdagen.",
                "Wenn etwas für Sie nicht funktioniert, schreiben Sie uns über die Kontaktseite. Wir antworten innerhalb von fünf Werktagen.",
            ),
        ],
        "setting": "accessibility_page",
    },
    {
        "slug": Text("privacy", "vie-privee", "privacy", "datenschutz"),
        "title": Text(
            "Privacy notice", "Politique de confidentialité", "Privacyverklaring", "Datenschutzerklärung"
        ),
        "introduction": Text(
            "What we collect, why, and how long we keep it.",
            "Ce que nous collectons, pourquoi et combien de temps nous le conservons.",
            "Wat we verzamelen, waarom en hoelang we het bewaren.",
            "Was wir erheben, warum und wie lange wir es aufbewahren.",
        ),
        "paragraphs": [
            Text(
                "We only keep the data you send us through our forms, to answer you and to publish the events you submit.",
                "Nous ne conservons que les données que vous nous envoyez par nos formulaires, pour vous répondre et publier les événements que vous proposez.",
                "We bewaren alleen de gegevens die u via onze formulieren stuurt, om u te antwoorden en de evenementen te publiceren die u indient.",
                "Wir speichern nur die Daten, die Sie über unsere Formulare senden, um Ihnen zu antworten und Ihre Veranstaltungen zu veröffentlichen.",
            ),
        ],
        "setting": "privacy_page",
    },
    {
        "slug": Text("contact", "contact", "contact", "kontakt"),
        "title": Text("Contact", "Contact", "Contact", "Kontakt"),
        "introduction": Text(
            "Questions, ideas or a partnership in mind? Write to us.",
            "Des questions, des idées ou un partenariat en tête ? Écrivez-nous.",
            "Vragen, ideeën of een samenwerking in gedachten? Schrijf ons.",
            "Fragen, Ideen oder eine Partnerschaft im Sinn? Schreiben Sie uns.",
        ),
        "paragraphs": [
            Text(
                "The editorial team answers in French, Dutch, German and English.",
                "L'équipe de rédaction répond en français, en néerlandais, en allemand et en anglais.",
                "De redactie antwoordt in het Frans, Nederlands, Duits en Engels.",
                "Die Redaktion antwortet auf Französisch, Niederländisch, Deutsch und Englisch.",
            ),
        ],
        "setting": "contact_page",
    },
]


def load_vocabularies(loader: DemoLoader):
    for order, (slug, name) in enumerate(TARGET_GROUPS):
        loader.snippet(TargetGroup, {"slug": slug}, name=name, sort_order=order)
    for order, (slug, kind, name) in enumerate(COMPETENCE_AREAS):
        loader.snippet(CompetenceArea, {"slug": slug}, name=name, kind=kind, sort_order=order)
    for order, (slug, name) in enumerate(LEVELS):
        loader.snippet(Level, {"slug": slug}, name=name, sort_order=order)
    for order, (slug, name) in enumerate(FORMATS):
        loader.snippet(Format, {"slug": slug}, name=name, sort_order=order)
    for order, (slug, name) in enumerate(REGIONS):
        loader.snippet(Region, {"slug": slug}, name=name, sort_order=order)
    for number, slug, name in OBJECTIVES:
        loader.snippet(StrategicObjective, {"slug": slug}, name=name, number=number, sort_order=number)


def load_organisations(loader: DemoLoader):
    for slug, name, kind, region_slug, website, description in ORGANISATIONS:
        region = Region.objects.get(slug=region_slug, locale=loader.english)
        logo = loader.image(f"Logo {name}", label=name[:2].upper(), size=(400, 400))
        loader.register(Text(name, name, name, name))
        loader.snippet(
            Organisation,
            {"slug": slug},
            name=name,
            kind=kind,
            website=website,
            region=region,
            logo=logo,
            description=description,
        )


def load_home(loader: DemoLoader) -> HomePage:
    root = loader.site_root()
    home = HomePage.objects.filter(locale=loader.english).first()
    if home is None:
        # Replace Wagtail's placeholder 'Welcome' page with the real home page.
        placeholder = root.get_children().filter(slug="home").first()
        if placeholder is not None:
            placeholder.slug = "welcome-placeholder"
            placeholder.save()
        home = loader.page(root, HomePage, HOME_SLUG, translate=False, **HOME)
        site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
        site.hostname, site.port, site.root_page, site.site_name = (
            "localhost",
            80,
            home,
            "Be Digital Together",
        )
        site.save()
        if placeholder is not None:
            placeholder.delete()
    loader.register(HOME_SLUG, HOME_HEADING, *HOME_FACTS, HOME_QUOTE, HOME_QUOTE_BY, *CTA.values())
    return home


def fill_home_body(loader: DemoLoader, home: HomePage, about: StandardPage):
    if not home.body:
        image = loader.image("Women at work in a digital team", label="BDT")
        home.body = [
            ("heading", {"text": HOME_HEADING.en, "level": "h2"}),
            ("paragraph", paragraphs(*HOME_FACTS)),
            ("image", {"image": {"image": image, "decorative": True, "alt_text": ""}, "caption": ""}),
            ("quote", {"quote": HOME_QUOTE.en, "attribution": HOME_QUOTE_BY.en}),
            (
                "call_to_action",
                {
                    "title": CTA["title"].en,
                    "text": CTA["text"].en,
                    "link_text": CTA["link_text"].en,
                    "page": about,
                    "external_url": "",
                },
            ),
        ]
        home.save_revision().publish()


def load_pages(loader: DemoLoader, home: HomePage):
    site = Site.objects.get(root_page=home)
    links = SiteLinks.for_site(site)
    about = None
    for spec in STANDARD_PAGES:
        loader.register(*spec["paragraphs"])
        page = loader.page(
            home,
            StandardPage,
            spec["slug"],
            translate=False,
            title=spec["title"],
            introduction=spec["introduction"],
            show_in_menus=spec.get("menu", False),
            body=[("paragraph", paragraphs(*spec["paragraphs"]))],
        )
        if spec.get("setting") and getattr(links, f"{spec['setting']}_id") is None:
            setattr(links, spec["setting"], page)
        about = about or page
    links.save()
    return about


def translate_pages(loader: DemoLoader, home: HomePage):
    loader.translate(home)
    for page in home.get_children().specific():
        loader.translate(page)


def load(loader: DemoLoader):
    load_vocabularies(loader)
    load_organisations(loader)
    home = load_home(loader)
    about = load_pages(loader, home)
    fill_home_body(loader, home, about)
    translate_pages(loader, home)
