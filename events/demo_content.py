"""Demo content of the events app: the events index in four languages and a dozen events around the date
the demo is loaded (job days, No Women No Panel panels, workshops, webinars, info sessions)."""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from events.models import EventIndexPage, EventPage, EventPageExhibitor, EventPageSpeaker
from events.moderation import setup
from home.demo import Text, paragraphs
from home.models import CompetenceArea, Organisation, Region, TargetGroup


def same(value):
    return Text(value, value, value, value)


INDEX = {
    "slug": Text("events", "evenements", "evenementen", "veranstaltungen"),
    "title": Text("Events", "Événements", "Evenementen", "Veranstaltungen"),
    "introduction": Text(
        "Job days, No Women No Panel debates, workshops and webinars across Belgium.",
        "Job days, débats No Women No Panel, ateliers et webinaires partout en Belgique.",
        "Jobdagen, No Women No Panel-debatten, workshops en webinars in heel België.",
        "Jobtage, No-Women-No-Panel-Debatten, Workshops und Webinare in ganz Belgien.",
    ),
    "submission_introduction": Text(
        "Organising an event for women and girls in digital? Tell us about it: our editors review it before it is published.",
        "Vous organisez un événement pour les femmes et les filles dans le numérique ? Présentez-le-nous : notre rédaction le relit avant publication.",
        "Organiseert u een evenement voor vrouwen en meisjes in digitale beroepen? Vertel het ons: onze redactie bekijkt het voor publicatie.",
        "Sie organisieren eine Veranstaltung für Frauen und Mädchen im Digitalbereich? Erzählen Sie uns davon: Unsere Redaktion prüft sie vor der Veröffentlichung.",
    ),
}

BRUSSELS_ADDRESS = Text(
    "Rue Picard 7, 1000 Brussels",
    "Rue Picard 7, 1000 Bruxelles",
    "Picardstraat 7, 1000 Brussel",
    "Rue Picard 7, 1000 Brüssel",
)
TOUR_TAXIS = Text("Tour & Taxis", "Tour & Taxis", "Thurn & Taxis", "Tour & Taxis")
FREE_REGISTRATION = Text(
    "Free, registration required",
    "Gratuit, inscription obligatoire",
    "Gratis, inschrijving verplicht",
    "Kostenlos, Anmeldung erforderlich",
)
ONLINE = Text("Online", "En ligne", "Online", "Online")

JOB_DAY_PROGRAMME = [
    (
        time(9, 30),
        time(10, 0),
        Text("Welcome and opening", "Accueil et ouverture", "Onthaal en opening", "Empfang und Eröffnung"),
        Text("Main hall", "Grande salle", "Grote zaal", "Großer Saal"),
        same("Nadia El Amrani, Agoria"),
    ),
    (
        time(10, 0),
        time(12, 30),
        Text(
            "Speed-dating with employers",
            "Speed-dating avec les employeurs",
            "Speeddaten met werkgevers",
            "Speed-Dating mit Arbeitgebern",
        ),
        Text("Exhibition floor", "Espace exposants", "Standenhal", "Ausstellungsfläche"),
        same(""),
    ),
    (
        time(13, 30),
        time(14, 30),
        Text(
            "Workshop: your CV for a digital job",
            "Atelier : votre CV pour un métier du numérique",
            "Workshop: je cv voor een digitale job",
            "Workshop: Ihr Lebenslauf für einen Digitalberuf",
        ),
        Text("Room B", "Salle B", "Zaal B", "Raum B"),
        same("Actiris job coaches"),
    ),
    (
        time(15, 0),
        time(16, 0),
        Text(
            "Panel: switching careers into tech",
            "Panel : se reconvertir dans la tech",
            "Panel: overstappen naar een job in tech",
            "Podium: Quereinstieg in die Tech-Branche",
        ),
        Text("Main hall", "Grande salle", "Grote zaal", "Großer Saal"),
        same("Sofie Peeters, Lina Haddad, Marc Dubois"),
    ),
]

JOB_DAY_BODY = Text(
    "Meet employers who are hiring, get advice on your CV and hear from women who switched into digital jobs.",
    "Rencontrez des employeurs qui recrutent, faites relire votre CV et écoutez des femmes qui se sont reconverties dans le numérique.",
    "Ontmoet werkgevers die aanwerven, laat je cv nalezen en luister naar vrouwen die overstapten naar een digitale job.",
    "Treffen Sie Arbeitgeber, die einstellen, lassen Sie Ihren Lebenslauf prüfen und hören Sie Frauen zu, die in digitale Berufe gewechselt sind.",
)

BALANCED_PANEL = [
    ("Amina Benali", "AI researcher, KU Leuven", "moderator", "woman"),
    ("Julie Lambert", "Data scientist, Le Forem", "panellist", "woman"),
    ("Katrien Janssens", "CTO, a Ghent start-up", "panellist", "woman"),
    ("Thomas Maes", "Head of data, VDAB", "panellist", "man"),
]
FAILING_PANEL = [
    ("Sarah Vermeulen", "Journalist", "moderator", "woman"),
    ("Pieter De Smet", "CISO, a Brussels bank", "panellist", "man"),
    ("Olivier Renard", "Security consultant", "panellist", "man"),
    ("Jan Claes", "Professor of computer science", "panellist", "man"),
    ("Marc Dubois", "Founder, a security start-up", "keynote", "man"),
]
PAST_PANEL = [
    ("Lina Haddad", "Product manager", "moderator", "woman"),
    ("Sofie Peeters", "Cloud engineer", "panellist", "woman"),
    ("David Leroy", "HR director", "panellist", "man"),
]


def _speakers(rows):
    return [
        EventPageSpeaker(name=name, affiliation=affiliation, role=role, gender=gender, sort_order=order)
        for order, (name, affiliation, role, gender) in enumerate(rows)
    ]


def _at(days, hour, minute=0):
    """An aware datetime `days` from today (when the demo is loaded) at a local time in Brussels."""
    zone = ZoneInfo(settings.TIME_ZONE)
    day = timezone.localdate() + timedelta(days=days)
    return datetime.combine(day, time(hour, minute), tzinfo=zone)


def _events(loader):
    region = {r.slug: r for r in Region.objects.filter(locale=loader.english)}
    audiences = {t.slug: t for t in TargetGroup.objects.filter(locale=loader.english)}
    topics = {t.slug: t for t in CompetenceArea.objects.filter(locale=loader.english)}
    orgs = {o.slug: o for o in Organisation.objects.filter(locale=loader.english)}
    return [
        {
            "slug": Text(
                "girls-and-women-in-digital-job-day",
                "job-day-filles-et-femmes-dans-le-numerique",
                "jobdag-meisjes-en-vrouwen-in-digitaal",
                "jobtag-maedchen-und-frauen-im-digitalen",
            ),
            "title": Text(
                "Girls & Women in Digital Job Day",
                "Job Day Girls & Women in Digital",
                "Jobdag Girls & Women in Digital",
                "Jobtag Girls & Women in Digital",
            ),
            "introduction": Text(
                "An inclusive job fair where women meet employers who are hiring in digital.",
                "Un salon de l'emploi inclusif où les femmes rencontrent des employeurs du numérique qui recrutent.",
                "Een inclusieve jobbeurs waar vrouwen werkgevers ontmoeten die digitaal talent zoeken.",
                "Eine inklusive Jobmesse, auf der Frauen Arbeitgeber treffen, die im Digitalbereich einstellen.",
            ),
            "kind": "job_day",
            "start": _at(30, 9, 30),
            "end": _at(30, 16, 30),
            "venue_name": TOUR_TAXIS,
            "address": Text(
                "Avenue du Port 86C, 1000 Brussels",
                "Avenue du Port 86C, 1000 Bruxelles",
                "Havenlaan 86C, 1000 Brussel",
                "Avenue du Port 86C, 1000 Brüssel",
            ),
            "region": region["brussels"],
            "languages": ["fr", "nl", "en"],
            "audiences": [audiences["women-jobseekers"], audiences["career-changers"]],
            "topics": [topics["programming-web"], topics["data-ai"]],
            "organisers": [orgs["agoria"], orgs["actiris"]],
            "capacity_note": FREE_REGISTRATION,
            "registration_url": "https://www.actiris.brussels/",
            "programme": [
                (
                    "item",
                    {
                        "start_time": start,
                        "end_time": end,
                        "title": title.en,
                        "room": room.en,
                        "speakers": speakers.en,
                    },
                )
                for start, end, title, room, speakers in JOB_DAY_PROGRAMME
            ],
            "body": [("paragraph", paragraphs(JOB_DAY_BODY))],
            "exhibitors": [
                EventPageExhibitor(organisation=orgs[slug], stand=str(number), sort_order=number)
                for number, slug in enumerate(["agoria", "vdab", "le-forem", "becode", "molengeek"], start=1)
            ],
            "texts": [JOB_DAY_BODY, *[t for item in JOB_DAY_PROGRAMME for t in item[2:]]],
        },
        {
            "slug": Text("job-day-liege", "job-day-liege", "jobdag-luik", "jobtag-luettich"),
            "title": Text(
                "Digital Job Day Liège",
                "Job Day numérique de Liège",
                "Digitale jobdag in Luik",
                "Digitaler Jobtag in Lüttich",
            ),
            "introduction": Text(
                "Employers from Wallonia met more than 300 women looking for a job in digital.",
                "Des employeurs wallons ont rencontré plus de 300 femmes à la recherche d'un emploi dans le numérique.",
                "Waalse werkgevers ontmoetten meer dan 300 vrouwen die een digitale job zoeken.",
                "Wallonische Arbeitgeber trafen mehr als 300 Frauen auf der Suche nach einem Digitaljob.",
            ),
            "kind": "job_day",
            "start": _at(-60, 10),
            "end": _at(-60, 16),
            "venue_name": Text("Palais des Congrès", "Palais des Congrès", "Congrespaleis", "Kongresspalast"),
            "address": Text(
                "Esplanade de l'Europe 2, 4020 Liège",
                "Esplanade de l'Europe 2, 4020 Liège",
                "Esplanade de l'Europe 2, 4020 Luik",
                "Esplanade de l'Europe 2, 4020 Lüttich",
            ),
            "region": region["wallonia"],
            "languages": ["fr"],
            "audiences": [audiences["women-jobseekers"]],
            "organisers": [orgs["le-forem"]],
            "exhibitors": [
                EventPageExhibitor(organisation=orgs["technofutur-tic"], stand="A1", sort_order=0),
                EventPageExhibitor(organisation=orgs["agoria"], stand="A2", sort_order=1),
            ],
        },
        {
            "slug": Text(
                "women-in-ai-who-builds-the-algorithms",
                "femmes-et-ia-qui-construit-les-algorithmes",
                "vrouwen-en-ai-wie-bouwt-de-algoritmes",
                "frauen-und-ki-wer-baut-die-algorithmen",
            ),
            "title": Text(
                "Women in AI: who builds the algorithms?",
                "Femmes et IA : qui construit les algorithmes ?",
                "Vrouwen en AI: wie bouwt de algoritmes?",
                "Frauen und KI: Wer baut die Algorithmen?",
            ),
            "introduction": Text(
                "A No Women No Panel debate on bias in artificial intelligence and the people who design it.",
                "Un débat No Women No Panel sur les biais de l'intelligence artificielle et sur celles et ceux qui la conçoivent.",
                "Een No Women No Panel-debat over vooroordelen in artificiële intelligentie en de mensen die ze ontwerpen.",
                "Eine No-Women-No-Panel-Debatte über Verzerrungen in der künstlichen Intelligenz und die Menschen, die sie entwickeln.",
            ),
            "kind": "panel",
            "start": _at(14, 18, 30),
            "end": _at(14, 20, 30),
            "venue_name": Text("BeCentral", "BeCentral", "BeCentral", "BeCentral"),
            "address": Text(
                "Cantersteen 10, 1000 Brussels",
                "Cantersteen 10, 1000 Bruxelles",
                "Kantersteen 10, 1000 Brussel",
                "Cantersteen 10, 1000 Brüssel",
            ),
            "region": region["brussels"],
            "languages": ["en", "fr"],
            "audiences": [audiences["students-choosing-studies"], audiences["career-changers"]],
            "topics": [topics["data-ai"]],
            "organisers": [orgs["fps-economy"]],
            "speakers": _speakers(BALANCED_PANEL),
            "capacity_note": FREE_REGISTRATION,
            "registration_url": "https://economie.fgov.be/",
        },
        {
            "slug": Text(
                "cybersecurity-careers-debate",
                "debat-carrieres-en-cybersecurite",
                "debat-loopbanen-in-cyberbeveiliging",
                "debatte-karrieren-in-der-cybersicherheit",
            ),
            "title": Text(
                "Careers in cybersecurity: a debate",
                "Carrières en cybersécurité : un débat",
                "Loopbanen in cyberbeveiliging: een debat",
                "Karrieren in der Cybersicherheit: eine Debatte",
            ),
            "introduction": Text(
                "Security experts discuss the skills the sector is looking for. The organiser is still looking for women panellists.",
                "Des experts en sécurité discutent des compétences recherchées. L'organisateur cherche encore des panélistes femmes.",
                "Beveiligingsexperts bespreken welke vaardigheden de sector zoekt. De organisator zoekt nog vrouwelijke panelleden.",
                "Sicherheitsfachleute sprechen über die gesuchten Kompetenzen. Der Veranstalter sucht noch Podiumsteilnehmerinnen.",
            ),
            "kind": "panel",
            "start": _at(45, 14),
            "end": _at(45, 16),
            "venue_name": Text("Hangar 26", "Hangar 26", "Hangar 26", "Hangar 26"),
            "address": Text(
                "Rijnkaai 26, 2000 Antwerp",
                "Rijnkaai 26, 2000 Anvers",
                "Rijnkaai 26, 2000 Antwerpen",
                "Rijnkaai 26, 2000 Antwerpen",
            ),
            "region": region["flanders"],
            "languages": ["nl", "en"],
            "audiences": [audiences["students-choosing-studies"]],
            "topics": [topics["cybersecurity"]],
            "organisers": [orgs["vdab"]],
            "speakers": _speakers(FAILING_PANEL),
        },
        {
            "slug": Text(
                "from-studies-to-first-tech-job",
                "des-etudes-au-premier-emploi-tech",
                "van-studie-naar-eerste-techjob",
                "vom-studium-zum-ersten-techjob",
            ),
            "title": Text(
                "From studies to a first tech job",
                "Des études au premier emploi dans la tech",
                "Van studie naar een eerste job in tech",
                "Vom Studium zum ersten Job in der Tech-Branche",
            ),
            "introduction": Text(
                "Three professionals told students how they found their first job in digital.",
                "Trois professionnelles et professionnels ont raconté aux étudiants comment ils ont trouvé leur premier emploi dans le numérique.",
                "Drie professionals vertelden studenten hoe ze hun eerste digitale job vonden.",
                "Drei Fachleute erzählten Studierenden, wie sie ihren ersten Digitaljob gefunden haben.",
            ),
            "kind": "panel",
            "start": _at(-20, 17),
            "end": _at(-20, 19),
            "venue_name": Text("Interface3", "Interface3", "Interface3", "Interface3"),
            "address": BRUSSELS_ADDRESS,
            "region": region["brussels"],
            "languages": ["fr"],
            "audiences": [audiences["students-choosing-studies"]],
            "organisers": [orgs["interface3"]],
            "speakers": _speakers(PAST_PANEL),
        },
        {
            "slug": Text(
                "build-your-first-website",
                "creez-votre-premier-site-web",
                "bouw-je-eerste-website",
                "erstellen-sie-ihre-erste-website",
            ),
            "title": Text(
                "Workshop: build your first website",
                "Atelier : créez votre premier site web",
                "Workshop: bouw je eerste website",
                "Workshop: Erstellen Sie Ihre erste Website",
            ),
            "introduction": Text(
                "A hands-on afternoon of HTML and CSS for teenage girls, no experience needed.",
                "Un après-midi pratique de HTML et CSS pour les adolescentes, sans expérience préalable.",
                "Een praktische namiddag HTML en CSS voor tienermeisjes, geen ervaring nodig.",
                "Ein praktischer Nachmittag mit HTML und CSS für Mädchen im Teenageralter, ohne Vorkenntnisse.",
            ),
            "kind": "workshop",
            "start": _at(10, 13),
            "end": _at(10, 17),
            "venue_name": Text("De Krook", "De Krook", "De Krook", "De Krook"),
            "address": Text(
                "Miriam Makebaplein 1, 9000 Ghent",
                "Miriam Makebaplein 1, 9000 Gand",
                "Miriam Makebaplein 1, 9000 Gent",
                "Miriam Makebaplein 1, 9000 Gent",
            ),
            "region": region["flanders"],
            "languages": ["nl"],
            "audiences": [audiences["teenage-girls"]],
            "topics": [topics["programming-web"]],
            "organisers": [orgs["becode"]],
            "capacity_note": Text(
                "20 places, laptops provided",
                "20 places, ordinateurs portables fournis",
                "20 plaatsen, laptops voorzien",
                "20 Plätze, Laptops werden gestellt",
            ),
        },
        {
            "slug": Text(
                "digital-skills-55-plus",
                "competences-numeriques-55-plus",
                "digitale-vaardigheden-55-plus",
                "digitale-kompetenzen-55-plus",
            ),
            "title": Text(
                "Workshop: safe online banking and e-government for women 55+",
                "Atelier : banque en ligne et e-administration en toute sécurité pour les femmes de 55 ans et plus",
                "Workshop: veilig online bankieren en e-government voor vrouwen vanaf 55",
                "Workshop: Sicheres Online-Banking und E-Government für Frauen ab 55",
            ),
            "introduction": Text(
                "Learn step by step to use online services safely, at your own pace.",
                "Apprenez pas à pas à utiliser les services en ligne en toute sécurité, à votre rythme.",
                "Leer stap voor stap online diensten veilig gebruiken, in je eigen tempo.",
                "Lernen Sie Schritt für Schritt, Online-Dienste sicher zu nutzen, in Ihrem eigenen Tempo.",
            ),
            "kind": "workshop",
            "start": _at(21, 9),
            "end": _at(21, 12),
            "venue_name": Text(
                "Arbeitsamt Eupen", "Arbeitsamt Eupen", "Arbeitsamt Eupen", "Arbeitsamt Eupen"
            ),
            "address": Text(
                "Hütte 79, 4700 Eupen",
                "Hütte 79, 4700 Eupen",
                "Hütte 79, 4700 Eupen",
                "Hütte 79, 4700 Eupen",
            ),
            "region": region["ostbelgien"],
            "languages": ["de"],
            "audiences": [audiences["women-55-74"]],
            "topics": [topics["safety"]],
            "organisers": [orgs["adg"]],
        },
        {
            "slug": Text(
                "webinar-reskilling-into-data",
                "webinaire-se-reconvertir-dans-la-data",
                "webinar-omscholen-naar-data",
                "webinar-umschulung-in-daten",
            ),
            "title": Text(
                "Webinar: reskilling into data",
                "Webinaire : se reconvertir dans la data",
                "Webinar: omscholen naar data",
                "Webinar: Umschulung in den Datenbereich",
            ),
            "introduction": Text(
                "What a data analyst does, which trainings lead there and how to finance them.",
                "Ce que fait une analyste de données, quelles formations y mènent et comment les financer.",
                "Wat een data-analist doet, welke opleidingen ernaartoe leiden en hoe je ze financiert.",
                "Was eine Datenanalystin macht, welche Weiterbildungen dorthin führen und wie man sie finanziert.",
            ),
            "kind": "webinar",
            "start": _at(7, 12, 30),
            "end": _at(7, 13, 30),
            "online_url": "https://meet.example.org/reskilling-data",
            "region": region["online-national"],
            "languages": ["en", "fr", "nl"],
            "audiences": [audiences["career-changers"], audiences["women-jobseekers"]],
            "topics": [topics["data-ai"]],
            "organisers": [orgs["digitalchampions"]],
            "speakers": _speakers([("Julie Lambert", "Data scientist", "keynote", "woman")]),
        },
        {
            "slug": Text(
                "webinar-role-models-in-cloud",
                "webinaire-modeles-dans-le-cloud",
                "webinar-rolmodellen-in-de-cloud",
                "webinar-vorbilder-in-der-cloud",
            ),
            "title": Text(
                "Webinar: meet women working in the cloud",
                "Webinaire : rencontrez des femmes qui travaillent dans le cloud",
                "Webinar: maak kennis met vrouwen die in de cloud werken",
                "Webinar: Frauen, die in der Cloud arbeiten",
            ),
            "introduction": Text(
                "Two cloud engineers answered questions from girls about their daily work.",
                "Deux ingénieures cloud ont répondu aux questions des filles sur leur quotidien.",
                "Twee cloudingenieurs beantwoordden vragen van meisjes over hun dagelijkse werk.",
                "Zwei Cloud-Ingenieurinnen beantworteten Fragen von Mädchen zu ihrem Arbeitsalltag.",
            ),
            "kind": "webinar",
            "start": _at(-10, 16),
            "end": _at(-10, 17),
            "online_url": "https://meet.example.org/cloud-role-models",
            "region": region["online-national"],
            "languages": ["en"],
            "audiences": [audiences["teenage-girls"]],
            "topics": [topics["cloud-infrastructure"]],
            "organisers": [orgs["digitalchampions"]],
        },
        {
            "slug": Text(
                "info-session-coding-schools",
                "seance-info-ecoles-de-code",
                "infosessie-codeerscholen",
                "infoveranstaltung-programmierschulen",
            ),
            "title": Text(
                "Information session: coding schools for women jobseekers",
                "Séance d'information : les écoles de code pour les demandeuses d'emploi",
                "Infosessie: codeerscholen voor werkzoekende vrouwen",
                "Infoveranstaltung: Programmierschulen für arbeitsuchende Frauen",
            ),
            "introduction": Text(
                "Free trainings in web development, with childcare solutions for single mothers.",
                "Des formations gratuites en développement web, avec des solutions de garde pour les mères seules.",
                "Gratis opleidingen webontwikkeling, met kinderopvang voor alleenstaande moeders.",
                "Kostenlose Ausbildungen in Webentwicklung, mit Kinderbetreuung für Alleinerziehende.",
            ),
            "kind": "info_session",
            "start": _at(5, 10),
            "end": _at(5, 11, 30),
            "venue_name": Text("MolenGeek", "MolenGeek", "MolenGeek", "MolenGeek"),
            "address": Text(
                "Rue Ransfort 27, 1080 Molenbeek-Saint-Jean",
                "Rue Ransfort 27, 1080 Molenbeek-Saint-Jean",
                "Ransfortstraat 27, 1080 Sint-Jans-Molenbeek",
                "Rue Ransfort 27, 1080 Molenbeek-Saint-Jean",
            ),
            "region": region["brussels"],
            "languages": ["fr", "en"],
            "audiences": [audiences["women-jobseekers"], audiences["single-mothers"]],
            "topics": [topics["programming-web"]],
            "organisers": [orgs["molengeek"], orgs["bruxelles-formation"]],
            "capacity_note": FREE_REGISTRATION,
        },
    ]


def load(loader):
    home = loader.locale_root("en")
    index = loader.page(
        home,
        EventIndexPage,
        INDEX["slug"],
        title=INDEX["title"],
        introduction=INDEX["introduction"],
        submission_introduction=INDEX["submission_introduction"],
        show_in_menus=True,
    )
    for spec in _events(loader):
        spec = dict(spec)
        loader.register(*spec.pop("texts", []))
        slug = spec.pop("slug")
        if index.get_children().filter(slug=slug.en).exists():
            loader.register(*[value for value in spec.values() if isinstance(value, Text)])
            loader.translate(index.get_children().get(slug=slug.en).specific)
            continue
        loader.page(index, EventPage, slug, **spec)
    for events_index in EventIndexPage.objects.all():
        setup(events_index)
