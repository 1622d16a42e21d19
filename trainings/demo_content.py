"""Demo content of the trainings app: a catalogue of 44 trainings and a repository of 11 initiatives,
in four languages, built from the facts of the seed documents (seeds 001, 003 and 004)."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone
from django.utils.text import slugify

from home.demo import Text, paragraphs
from home.models import CompetenceArea, Format, Level, Organisation, Region, StrategicObjective, TargetGroup

CATALOGUE = {
    "slug": Text("trainings", "formations", "opleidingen", "schulungen"),
    "title": Text(
        "Training catalogue", "Catalogue des formations", "Opleidingscatalogus", "Schulungskatalog"
    ),
    "introduction": Text(
        "Find a digital training in your language and region, at your level: free, women-only, online or near you.",
        "Trouvez une formation numérique dans votre langue et votre région, à votre niveau : gratuite, réservée aux femmes, en ligne ou près de chez vous.",
        "Vind een digitale opleiding in uw taal en regio, op uw niveau: gratis, alleen voor vrouwen, online of bij u in de buurt.",
        "Finden Sie eine digitale Schulung in Ihrer Sprache und Region, auf Ihrem Niveau: kostenlos, nur für Frauen, online oder in Ihrer Nähe.",
    ),
}
REPOSITORY = {
    "slug": Text("initiatives", "initiatives", "initiatieven", "initiativen"),
    "title": Text("Initiatives", "Initiatives", "Initiatieven", "Initiativen"),
    "introduction": Text(
        "Programmes, campaigns, networks and good practices that bring more women into digital careers.",
        "Programmes, campagnes, réseaux et bonnes pratiques qui amènent plus de femmes vers les métiers du numérique.",
        "Programma's, campagnes, netwerken en goede praktijken die meer vrouwen naar digitale jobs leiden.",
        "Programme, Kampagnen, Netzwerke und gute Praxis, die mehr Frauen in digitale Berufe bringen.",
    ),
}

CITIES = {
    "brussels": (Text("Brussels", "Bruxelles", "Brussel", "Brüssel"), "brussels", "Brussels"),
    "liege": (Text("Liège", "Liège", "Luik", "Lüttich"), "wallonia", "Liège"),
    "charleroi": (Text("Charleroi", "Charleroi", "Charleroi", "Charleroi"), "wallonia", "Charleroi"),
    "namur": (Text("Namur", "Namur", "Namen", "Namur"), "wallonia", "Namur"),
    "ghent": (Text("Ghent", "Gand", "Gent", "Gent"), "flanders", "Gent"),
    "antwerp": (Text("Antwerp", "Anvers", "Antwerpen", "Antwerpen"), "flanders", "Antwerpen"),
    "leuven": (Text("Leuven", "Louvain", "Leuven", "Löwen"), "flanders", "Leuven"),
    "eupen": (Text("Eupen", "Eupen", "Eupen", "Eupen"), "ostbelgien", "Eupen"),
    "online": (Text("online", "en ligne", "online", "online"), "online-national", ""),
}

CERTIFICATE = Text(
    "Certificate of completion",
    "Attestation de réussite",
    "Getuigschrift van deelname",
    "Teilnahmezertifikat",
)
DIGITAL_CERTIFICATE = Text(
    "Digital autonomy certificate",
    "Certificat d'autonomie numérique",
    "Attest digitale zelfredzaamheid",
    "Zertifikat digitale Selbstständigkeit",
)


def weeks(n):
    return Text(f"{n} weeks", f"{n} semaines", f"{n} weken", f"{n} Wochen")


def days(n):
    return Text(f"{n} days", f"{n} jours", f"{n} dagen", f"{n} Tage")


# key: title, summary, description, competence areas, level, duration, certification
COURSES = {
    "web": (
        Text(
            "Web developer bootcamp",
            "Formation intensive de développeuse web",
            "Bootcamp webontwikkelaar",
            "Bootcamp Webentwicklung",
        ),
        Text(
            "Learn to build websites and mobile web applications in six months, from HTML to JavaScript frameworks.",
            "Apprenez à créer des sites et des applications web mobiles en six mois, du HTML aux frameworks JavaScript.",
            "Leer in zes maanden websites en mobiele webapplicaties bouwen, van HTML tot JavaScript-frameworks.",
            "Lernen Sie in sechs Monaten, Websites und mobile Webanwendungen zu bauen, von HTML bis zu JavaScript-Frameworks.",
        ),
        Text(
            "The programme follows the pilot trainings launched in Brussels in March 2017 for young jobseekers: learning by doing, in small teams, with coaches from the sector.",
            "Le programme s'inspire des formations pilotes lancées à Bruxelles en mars 2017 pour les jeunes demandeurs d'emploi : apprendre en faisant, en petites équipes, avec des coachs du secteur.",
            "Het programma bouwt voort op de proefopleidingen die in maart 2017 in Brussel voor jonge werkzoekenden van start gingen: leren door te doen, in kleine teams, met coaches uit de sector.",
            "Das Programm knüpft an die Pilotschulungen an, die im März 2017 in Brüssel für junge Arbeitsuchende starteten: Lernen durch Tun, in kleinen Teams, mit Coaches aus der Branche.",
        ),
        ["programming-web", "digital-content-creation"],
        "intermediate",
        weeks(26),
        CERTIFICATE,
    ),
    "ai": (
        Text(
            "AI and data developer",
            "Développeuse IA et données",
            "AI- en dataontwikkelaar",
            "KI- und Datenentwicklerin",
        ),
        Text(
            "Clean, analyse and model data with Python, and build your first machine-learning applications.",
            "Nettoyez, analysez et modélisez des données avec Python, et créez vos premières applications d'apprentissage automatique.",
            "Gegevens opschonen, analyseren en modelleren met Python, en uw eerste machine-learningtoepassingen bouwen.",
            "Daten mit Python bereinigen, analysieren und modellieren und erste Anwendungen für maschinelles Lernen bauen.",
        ),
        Text(
            "A full-time track for people who already code a little, with projects proposed by partner companies.",
            "Un parcours à temps plein pour les personnes qui codent déjà un peu, avec des projets proposés par des entreprises partenaires.",
            "Een voltijds traject voor wie al een beetje codeert, met projecten die partnerbedrijven aanbrengen.",
            "Ein Vollzeitprogramm für Menschen, die schon etwas programmieren, mit Projekten von Partnerunternehmen.",
        ),
        ["data-ai", "information-data-literacy"],
        "advanced",
        weeks(28),
        CERTIFICATE,
    ),
    "devsecops": (
        Text(
            "DevSecOps and cybersecurity",
            "DevSecOps et cybersécurité",
            "DevSecOps en cyberbeveiliging",
            "DevSecOps und Cybersicherheit",
        ),
        Text(
            "Secure applications and infrastructure: networks, Linux, cloud, threat detection and incident response.",
            "Sécurisez applications et infrastructures : réseaux, Linux, cloud, détection des menaces et réponse aux incidents.",
            "Applicaties en infrastructuur beveiligen: netwerken, Linux, cloud, dreigingsdetectie en incidentrespons.",
            "Anwendungen und Infrastruktur absichern: Netzwerke, Linux, Cloud, Bedrohungserkennung und Reaktion auf Vorfälle.",
        ),
        Text(
            "Cybersecurity is one of the tracks that the Brussels digital training offer for jobseekers added to coding.",
            "La cybersécurité fait partie des filières que l'offre bruxelloise de formation numérique pour demandeurs d'emploi a ajoutées au code.",
            "Cyberbeveiliging is een van de richtingen die het Brusselse digitale opleidingsaanbod voor werkzoekenden naast programmeren aanbiedt.",
            "Cybersicherheit gehört zu den Ausbildungswegen, die das Brüsseler digitale Schulungsangebot für Arbeitsuchende neben dem Programmieren anbietet.",
        ),
        ["cybersecurity", "cloud-infrastructure"],
        "advanced",
        weeks(28),
        CERTIFICATE,
    ),
    "marketing": (
        Text(
            "E-marketing essentials",
            "Les bases de l'e-marketing",
            "Basis van e-marketing",
            "Grundlagen des E-Marketings",
        ),
        Text(
            "Social media, newsletters, search engines and analytics: promote a project or a small business online.",
            "Réseaux sociaux, newsletters, moteurs de recherche et statistiques : faites connaître un projet ou une petite entreprise en ligne.",
            "Sociale media, nieuwsbrieven, zoekmachines en statistieken: promoot een project of een kleine onderneming online.",
            "Soziale Medien, Newsletter, Suchmaschinen und Statistiken: ein Projekt oder ein kleines Unternehmen online bekannt machen.",
        ),
        Text(
            "Participants plan and run a real campaign and measure what worked.",
            "Les participantes préparent et mènent une vraie campagne, puis mesurent ce qui a fonctionné.",
            "De deelnemers plannen en voeren een echte campagne en meten wat werkte.",
            "Die Teilnehmerinnen planen und führen eine echte Kampagne durch und messen, was funktioniert hat.",
        ),
        ["digital-marketing", "communication-collaboration"],
        "intermediate",
        weeks(12),
        CERTIFICATE,
    ),
    "autonomy": (
        Text(
            "Digital autonomy for jobseekers",
            "Autonomie numérique pour demandeurs d'emploi",
            "Digitale zelfredzaamheid voor werkzoekenden",
            "Digitale Selbstständigkeit für Arbeitsuchende",
        ),
        Text(
            "E-mail, online forms, job sites and video calls: the digital basics you need to look for a job.",
            "E-mail, formulaires en ligne, sites d'emploi et appels vidéo : les bases numériques pour chercher un emploi.",
            "E-mail, onlineformulieren, vacaturesites en videogesprekken: de digitale basis om werk te zoeken.",
            "E-Mail, Online-Formulare, Jobportale und Videoanrufe: die digitalen Grundlagen für die Arbeitssuche.",
        ),
        Text(
            "Modelled on the BF digital spaces, whose on-site offer aims at the digital autonomy of jobseekers and at certifying every participant.",
            "Inspirée des espaces numériques de BF, dont l'offre en présentiel vise l'autonomie numérique des demandeurs d'emploi et la certification de chaque participant.",
            "Naar het voorbeeld van de digitale ruimtes van BF, waarvan het aanbod op locatie mikt op de digitale zelfredzaamheid van werkzoekenden en op een attest voor elke deelnemer.",
            "Nach dem Vorbild der digitalen BF-Räume, deren Präsenzangebot auf die digitale Selbstständigkeit von Arbeitsuchenden und die Zertifizierung aller Teilnehmenden zielt.",
        ),
        ["information-data-literacy", "communication-collaboration", "safety"],
        "basic",
        weeks(4),
        DIGITAL_CERTIFICATE,
    ),
    "office": (
        Text(
            "Office and internet tools",
            "Outils bureautiques et internet",
            "Kantoor- en internettools",
            "Büro- und Internetwerkzeuge",
        ),
        Text(
            "Word processing, spreadsheets, shared documents and online storage, step by step.",
            "Traitement de texte, tableur, documents partagés et stockage en ligne, pas à pas.",
            "Tekstverwerking, rekenbladen, gedeelde documenten en online opslag, stap voor stap.",
            "Textverarbeitung, Tabellen, geteilte Dokumente und Online-Speicher, Schritt für Schritt.",
        ),
        Text(
            "Small groups, plenty of practice and a trainer who takes the time to answer every question.",
            "Petits groupes, beaucoup de pratique et une formatrice qui prend le temps de répondre à chaque question.",
            "Kleine groepen, veel oefening en een lesgever die de tijd neemt om elke vraag te beantwoorden.",
            "Kleine Gruppen, viel Übung und eine Trainerin, die sich für jede Frage Zeit nimmt.",
        ),
        ["communication-collaboration", "digital-content-creation"],
        "basic",
        weeks(3),
        CERTIFICATE,
    ),
    "safety": (
        Text("Staying safe online", "Rester en sécurité en ligne", "Veilig online", "Sicher im Netz"),
        Text(
            "Strong passwords, phishing, privacy settings and online harassment: protect yourself and your family.",
            "Mots de passe solides, hameçonnage, paramètres de confidentialité et harcèlement en ligne : protégez-vous, vous et votre famille.",
            "Sterke wachtwoorden, phishing, privacy-instellingen en online intimidatie: bescherm uzelf en uw gezin.",
            "Sichere Passwörter, Phishing, Datenschutzeinstellungen und Belästigung im Netz: Schützen Sie sich und Ihre Familie.",
        ),
        Text(
            "A short, practical course with exercises on your own phone or laptop.",
            "Un cours court et pratique, avec des exercices sur votre propre téléphone ou ordinateur.",
            "Een korte, praktische cursus met oefeningen op uw eigen smartphone of laptop.",
            "Ein kurzer, praktischer Kurs mit Übungen auf dem eigenen Handy oder Laptop.",
        ),
        ["safety"],
        "basic",
        days(2),
        None,
    ),
    "girls": (
        Text(
            "Coding week for teenage girls",
            "Semaine de code pour adolescentes",
            "Codeerweek voor tienermeisjes",
            "Programmierwoche für Mädchen",
        ),
        Text(
            "Five days to make a game, a website and a small robot, with women engineers as coaches.",
            "Cinq jours pour créer un jeu, un site web et un petit robot, avec des ingénieures comme coachs.",
            "Vijf dagen om een game, een website en een kleine robot te maken, met vrouwelijke ingenieurs als coach.",
            "Fünf Tage, um ein Spiel, eine Website und einen kleinen Roboter zu bauen, mit Ingenieurinnen als Coaches.",
        ),
        Text(
            "Girls choose digital studies more often when they have tried coding early and met women who do it for a living.",
            "Les filles choisissent plus souvent des études numériques quand elles ont essayé le code tôt et rencontré des femmes qui en vivent.",
            "Meisjes kiezen vaker voor een digitale studie als ze vroeg hebben leren coderen en vrouwen hebben ontmoet die ervan leven.",
            "Mädchen wählen häufiger ein digitales Studium, wenn sie früh programmiert und Frauen getroffen haben, die davon leben.",
        ),
        ["programming-web", "problem-solving"],
        "basic",
        days(5),
        None,
    ),
    "graphics": (
        Text(
            "Digital graphics and media",
            "Graphisme et médias numériques",
            "Digitale grafiek en media",
            "Digitale Grafik und Medien",
        ),
        Text(
            "Design visuals, edit photos and short videos, and prepare content for the web and social media.",
            "Créez des visuels, retouchez photos et courtes vidéos, et préparez des contenus pour le web et les réseaux sociaux.",
            "Ontwerp beelden, bewerk foto's en korte video's en maak content klaar voor het web en sociale media.",
            "Visuals gestalten, Fotos und kurze Videos bearbeiten und Inhalte für Web und soziale Medien vorbereiten.",
        ),
        Text(
            "You leave with a portfolio of real projects to show to employers.",
            "Vous repartez avec un portfolio de projets réels à montrer aux employeurs.",
            "U vertrekt met een portfolio van echte projecten om aan werkgevers te tonen.",
            "Sie gehen mit einem Portfolio echter Projekte, das Sie Arbeitgebern zeigen können.",
        ),
        ["digital-media-graphics", "digital-content-creation"],
        "intermediate",
        weeks(10),
        CERTIFICATE,
    ),
    "cloud": (
        Text("Cloud fundamentals", "Les bases du cloud", "Basis van cloud computing", "Cloud-Grundlagen"),
        Text(
            "Understand and use cloud services: virtual machines, storage, networks and costs.",
            "Comprendre et utiliser les services cloud : machines virtuelles, stockage, réseaux et coûts.",
            "Cloudservices begrijpen en gebruiken: virtuele machines, opslag, netwerken en kosten.",
            "Cloud-Dienste verstehen und nutzen: virtuelle Maschinen, Speicher, Netzwerke und Kosten.",
        ),
        Text(
            "Prepares for an entry-level cloud certification recognised by employers.",
            "Prépare à une certification cloud de premier niveau reconnue par les employeurs.",
            "Bereidt voor op een instapcertificaat voor cloud dat werkgevers erkennen.",
            "Bereitet auf eine von Arbeitgebern anerkannte Cloud-Einstiegszertifizierung vor.",
        ),
        ["cloud-infrastructure"],
        "intermediate",
        weeks(8),
        CERTIFICATE,
    ),
    "managers": (
        Text(
            "Data literacy for women managers",
            "Culture des données pour dirigeantes",
            "Datageletterdheid voor vrouwelijke managers",
            "Datenkompetenz für Managerinnen",
        ),
        Text(
            "Read dashboards, ask the right questions about data and AI, and lead digital projects with confidence.",
            "Lire des tableaux de bord, poser les bonnes questions sur les données et l'IA, et piloter des projets numériques avec assurance.",
            "Dashboards lezen, de juiste vragen stellen over data en AI, en digitale projecten met vertrouwen leiden.",
            "Dashboards lesen, die richtigen Fragen zu Daten und KI stellen und digitale Projekte souverän leiten.",
        ),
        Text(
            "Designed for entrepreneurs and managers who want to stay and grow in digital roles.",
            "Conçu pour les entrepreneuses et dirigeantes qui veulent rester et évoluer dans des fonctions numériques.",
            "Bedoeld voor ondernemers en managers die in digitale functies willen blijven en groeien.",
            "Für Unternehmerinnen und Managerinnen, die in digitalen Funktionen bleiben und wachsen wollen.",
        ),
        ["information-data-literacy", "data-ai"],
        "intermediate",
        days(3),
        CERTIFICATE,
    ),
    "seniors": (
        Text(
            "Digital skills at 55 and over",
            "Compétences numériques après 55 ans",
            "Digitale vaardigheden vanaf 55",
            "Digitale Kompetenzen ab 55",
        ),
        Text(
            "Smartphone, online banking, government websites and video calls with your grandchildren, at your pace.",
            "Smartphone, banque en ligne, sites publics et appels vidéo avec vos petits-enfants, à votre rythme.",
            "Smartphone, online bankieren, overheidssites en videobellen met uw kleinkinderen, op uw tempo.",
            "Smartphone, Online-Banking, Behördenseiten und Videoanrufe mit den Enkeln, in Ihrem Tempo.",
        ),
        Text(
            "The digital gap is widest among women aged 55 to 74; this course starts from what you already know.",
            "La fracture numérique est la plus forte chez les femmes de 55 à 74 ans ; ce cours part de ce que vous savez déjà.",
            "De digitale kloof is het grootst bij vrouwen van 55 tot 74 jaar; deze cursus vertrekt van wat u al kent.",
            "Die digitale Kluft ist bei Frauen von 55 bis 74 Jahren am größten; dieser Kurs geht von dem aus, was Sie schon können.",
        ),
        ["problem-solving", "communication-collaboration"],
        "basic",
        weeks(6),
        None,
    ),
}

# course, provider, city, format, languages, women only, price (None = free), target groups, facilities, sessions
# (days from today: start offset, length)
OFFERINGS = [
    (
        "web",
        "becode",
        "brussels",
        "on-site",
        ["fr", "en"],
        False,
        None,
        ["women-jobseekers", "career-changers"],
        ["jobseekers", "wheelchair"],
        [(20, 180)],
    ),
    (
        "web",
        "becode",
        "ghent",
        "on-site",
        ["nl", "en"],
        False,
        None,
        ["women-jobseekers", "career-changers"],
        ["jobseekers"],
        [(45, 180)],
    ),
    (
        "web",
        "becode",
        "liege",
        "on-site",
        ["fr"],
        False,
        None,
        ["women-jobseekers"],
        ["jobseekers"],
        [(-60, 180)],
    ),
    (
        "web",
        "molengeek",
        "brussels",
        "on-site",
        ["fr", "nl"],
        False,
        None,
        ["women-jobseekers", "women-foreign-origin"],
        ["jobseekers", "wheelchair"],
        [(30, 180)],
    ),
    (
        "web",
        "interface3",
        "brussels",
        "on-site",
        ["fr"],
        True,
        None,
        ["women-jobseekers", "career-changers", "single-mothers"],
        ["jobseekers", "childcare"],
        [(15, 200)],
    ),
    (
        "web",
        "vdab",
        "online",
        "online",
        ["nl"],
        True,
        None,
        ["women-jobseekers", "career-changers"],
        ["jobseekers", "adapted-materials"],
        [(10, 150), (100, 150)],
    ),
    (
        "ai",
        "becode",
        "brussels",
        "on-site",
        ["en", "fr"],
        False,
        None,
        ["women-jobseekers", "career-changers"],
        ["jobseekers"],
        [(60, 196)],
    ),
    (
        "ai",
        "becode",
        "antwerp",
        "blended",
        ["nl", "en"],
        False,
        None,
        ["career-changers"],
        ["jobseekers"],
        [(75, 196)],
    ),
    (
        "ai",
        "interface3",
        "online",
        "online",
        ["fr", "en"],
        True,
        Decimal("350.00"),
        ["career-changers", "entrepreneurs-managers"],
        ["adapted-materials"],
        [(40, 196)],
    ),
    (
        "devsecops",
        "becode",
        "brussels",
        "on-site",
        ["en"],
        False,
        None,
        ["women-jobseekers"],
        ["jobseekers"],
        [(50, 196)],
    ),
    (
        "devsecops",
        "technofutur-tic",
        "charleroi",
        "blended",
        ["fr"],
        False,
        Decimal("120.00"),
        ["career-changers"],
        ["wheelchair"],
        [(35, 196)],
    ),
    (
        "devsecops",
        "vdab",
        "leuven",
        "on-site",
        ["nl"],
        True,
        None,
        ["women-jobseekers", "career-changers"],
        ["jobseekers", "hearing-loop"],
        [(-10, 196)],
    ),
    (
        "marketing",
        "molengeek",
        "brussels",
        "on-site",
        ["fr", "en"],
        False,
        None,
        ["women-jobseekers", "entrepreneurs-managers"],
        ["jobseekers"],
        [(25, 84)],
    ),
    (
        "marketing",
        "le-forem",
        "namur",
        "on-site",
        ["fr"],
        False,
        None,
        ["women-jobseekers"],
        ["jobseekers", "wheelchair"],
        [(12, 84)],
    ),
    (
        "marketing",
        "vdab",
        "online",
        "online",
        ["nl"],
        True,
        None,
        ["women-jobseekers", "entrepreneurs-managers"],
        ["jobseekers"],
        [(18, 84)],
    ),
    (
        "marketing",
        "adg",
        "eupen",
        "on-site",
        ["de"],
        False,
        Decimal("90.00"),
        ["entrepreneurs-managers"],
        ["wheelchair"],
        [(33, 84)],
    ),
    (
        "autonomy",
        "bruxelles-formation",
        "brussels",
        "on-site",
        ["fr", "nl"],
        False,
        None,
        ["women-jobseekers", "women-foreign-origin"],
        ["jobseekers", "wheelchair", "childcare"],
        [(7, 28), (70, 28)],
    ),
    (
        "autonomy",
        "bruxelles-formation",
        "online",
        "online",
        ["fr", "nl"],
        False,
        None,
        ["women-jobseekers"],
        ["jobseekers", "adapted-materials"],
        [(14, 28)],
    ),
    (
        "autonomy",
        "actiris",
        "brussels",
        "blended",
        ["fr", "nl", "en"],
        True,
        None,
        ["women-jobseekers", "single-mothers"],
        ["jobseekers", "childcare"],
        [(21, 28)],
    ),
    (
        "autonomy",
        "vdab",
        "antwerp",
        "on-site",
        ["nl"],
        True,
        None,
        ["women-jobseekers", "women-foreign-origin"],
        ["jobseekers", "childcare", "wheelchair"],
        [(9, 28)],
    ),
    (
        "autonomy",
        "le-forem",
        "charleroi",
        "on-site",
        ["fr"],
        True,
        None,
        ["women-jobseekers"],
        ["jobseekers", "childcare"],
        [(16, 28)],
    ),
    (
        "autonomy",
        "adg",
        "eupen",
        "on-site",
        ["de", "fr"],
        False,
        None,
        ["women-jobseekers"],
        ["jobseekers", "wheelchair"],
        [(23, 28)],
    ),
    (
        "office",
        "bruxelles-formation",
        "brussels",
        "on-site",
        ["fr"],
        False,
        None,
        ["women-jobseekers", "women-55-74"],
        ["jobseekers", "wheelchair"],
        [(5, 21)],
    ),
    (
        "office",
        "vdab",
        "ghent",
        "on-site",
        ["nl"],
        False,
        None,
        ["women-jobseekers"],
        ["jobseekers", "hearing-loop"],
        [(11, 21)],
    ),
    (
        "office",
        "vdab",
        "online",
        "online",
        ["nl"],
        True,
        None,
        ["women-jobseekers", "single-mothers"],
        ["jobseekers", "childcare"],
        [(-30, 21), (40, 21)],
    ),
    (
        "office",
        "adg",
        "eupen",
        "on-site",
        ["de"],
        False,
        Decimal("45.00"),
        ["women-55-74"],
        ["wheelchair"],
        [(19, 21)],
    ),
    (
        "office",
        "le-forem",
        "liege",
        "on-site",
        ["fr"],
        False,
        None,
        ["women-jobseekers"],
        ["jobseekers"],
        [(-90, 21)],
    ),
    (
        "safety",
        "digitalchampions",
        "online",
        "online",
        ["fr", "nl", "de", "en"],
        False,
        None,
        ["parents", "women-55-74"],
        ["adapted-materials", "sign-language"],
        [(8, 2), (38, 2)],
    ),
    (
        "safety",
        "actiris",
        "brussels",
        "on-site",
        ["fr", "nl"],
        True,
        None,
        ["single-mothers", "women-foreign-origin"],
        ["childcare", "wheelchair"],
        [(13, 2)],
    ),
    (
        "safety",
        "adg",
        "eupen",
        "on-site",
        ["de"],
        False,
        None,
        ["women-55-74", "parents"],
        ["wheelchair", "hearing-loop"],
        [(27, 2)],
    ),
    (
        "girls",
        "interface3",
        "brussels",
        "on-site",
        ["fr"],
        True,
        None,
        ["teenage-girls"],
        ["wheelchair"],
        [(55, 5)],
    ),
    (
        "girls",
        "agoria",
        "leuven",
        "on-site",
        ["nl"],
        True,
        None,
        ["teenage-girls", "students-choosing-studies"],
        ["wheelchair"],
        [(62, 5)],
    ),
    (
        "girls",
        "technofutur-tic",
        "namur",
        "on-site",
        ["fr"],
        True,
        Decimal("60.00"),
        ["teenage-girls"],
        [],
        [(-120, 5)],
    ),
    (
        "girls",
        "digitalchampions",
        "online",
        "online",
        ["nl", "fr", "de"],
        True,
        None,
        ["teenage-girls", "girls-under-12"],
        ["adapted-materials"],
        [(44, 5)],
    ),
    (
        "graphics",
        "molengeek",
        "brussels",
        "on-site",
        ["fr", "en"],
        False,
        Decimal("150.00"),
        ["career-changers"],
        ["wheelchair"],
        [(48, 70)],
    ),
    (
        "graphics",
        "technofutur-tic",
        "liege",
        "blended",
        ["fr"],
        False,
        None,
        ["women-jobseekers", "career-changers"],
        ["jobseekers"],
        [(36, 70)],
    ),
    ("graphics", "vdab", "ghent", "blended", ["nl"], False, None, ["women-jobseekers"], ["jobseekers"], []),
    (
        "cloud",
        "technofutur-tic",
        "charleroi",
        "on-site",
        ["fr"],
        False,
        Decimal("250.00"),
        ["career-changers"],
        ["wheelchair"],
        [(65, 56)],
    ),
    (
        "cloud",
        "agoria",
        "online",
        "online",
        ["en", "nl", "fr"],
        False,
        Decimal("400.00"),
        ["career-changers", "entrepreneurs-managers"],
        ["adapted-materials"],
        [(29, 56)],
    ),
    (
        "managers",
        "agoria",
        "brussels",
        "on-site",
        ["en", "fr", "nl"],
        True,
        Decimal("600.00"),
        ["entrepreneurs-managers"],
        ["wheelchair"],
        [(42, 3)],
    ),
    (
        "managers",
        "fps-economy",
        "online",
        "online",
        ["fr", "nl", "de"],
        True,
        None,
        ["entrepreneurs-managers"],
        ["adapted-materials"],
        [(31, 3)],
    ),
    (
        "seniors",
        "digitalchampions",
        "namur",
        "on-site",
        ["fr"],
        False,
        None,
        ["women-55-74"],
        ["wheelchair", "hearing-loop"],
        [(17, 42)],
    ),
    (
        "seniors",
        "vdab",
        "antwerp",
        "on-site",
        ["nl"],
        True,
        None,
        ["women-55-74"],
        ["wheelchair", "hearing-loop"],
        [(24, 42)],
    ),
    (
        "seniors",
        "adg",
        "eupen",
        "blended",
        ["de"],
        False,
        None,
        ["women-55-74", "women-with-disability"],
        ["wheelchair", "sign-language"],
        [(26, 42)],
    ),
]

VENUES = {
    "brussels": "Quai des Charbonnages 30, 1080 Brussels",
    "ghent": "Kortrijksesteenweg 300, 9000 Gent",
    "antwerp": "Kempenstraat 2, 2000 Antwerpen",
    "leuven": "Diestsesteenweg 100, 3010 Leuven",
    "liege": "Rue de l'Université 20, 4000 Liège",
    "charleroi": "Avenue Georges Lemaître 19, 6041 Charleroi",
    "namur": "Rue de Fer 10, 5000 Namur",
    "eupen": "Hütte 79, 4700 Eupen",
    "online": "",
}

PROVIDER_NAMES = {
    "becode": "BeCode",
    "molengeek": "MolenGeek",
    "interface3": "Interface3",
    "vdab": "VDAB",
    "technofutur-tic": "Technofutur TIC",
    "le-forem": "Le Forem",
    "adg": "Arbeitsamt der DG",
    "bruxelles-formation": "Bruxelles Formation",
    "actiris": "Actiris",
    "digitalchampions": "DigitalChampions.be",
    "agoria": "Agoria",
    "fps-economy": "FPS Economy",
}


def offering_title(course_title, provider_slug, city_text):
    provider = PROVIDER_NAMES[provider_slug]
    return Text(
        f"{course_title.en} – {provider}, {city_text.en}",
        f"{course_title.fr} – {provider}, {city_text.fr}",
        f"{course_title.nl} – {provider}, {city_text.nl}",
        f"{course_title.de} – {provider}, {city_text.de}",
    )


def slug_text(text):
    return Text(*(slugify(text.get(code))[:80] for code in ("en", "fr", "nl", "de")))


def _terms(model, slugs, english):
    return list(model.objects.filter(locale=english, slug__in=slugs))


def load_trainings(loader, home):
    from .models import TrainingCatalogPage, TrainingPage, TrainingPageSession

    catalogue = loader.page(home, TrainingCatalogPage, show_in_menus=True, **CATALOGUE)
    english = loader.english
    today = timezone.localdate()
    organisations = {org.slug: org for org in Organisation.objects.filter(locale=english)}
    levels = {t.slug: t for t in Level.objects.filter(locale=english)}
    formats = {t.slug: t for t in Format.objects.filter(locale=english)}
    regions = {t.slug: t for t in Region.objects.filter(locale=english)}
    for number, offering in enumerate(OFFERINGS, start=1):
        course, provider, city, fmt, languages, women_only, price, audiences, facilities, sessions = offering
        title, summary, description, areas, level, duration, certification = COURSES[course]
        city_text, region, city_name = CITIES[city]
        full_title = offering_title(title, provider, city_text)
        loader.register(description)
        loader.page(
            catalogue,
            TrainingPage,
            slug=slug_text(full_title),
            title=full_title,
            introduction=summary,
            description=paragraphs(description),
            provider=organisations[provider],
            format=formats[fmt],
            level=levels[level],
            competence_areas=_terms(CompetenceArea, areas, english),
            target_groups=_terms(TargetGroup, audiences, english),
            women_only=women_only,
            languages=languages,
            region=regions[region],
            venue=VENUES[city],
            is_free=price is None,
            price=price,
            duration=duration,
            certification=certification or "",
            registration_url=organisations[provider].website,
            facilities=facilities,
            external_reference=f"demo-{number:03d}",
            sessions=[
                TrainingPageSession(
                    start_date=today + timedelta(days=start),
                    end_date=today + timedelta(days=start + length),
                    location=VENUES[city] or "Online",
                    sort_order=index,
                )
                for index, (start, length) in enumerate(sessions)
            ],
        )
    return catalogue


def T(en, fr, nl, de):  # noqa: N802 - short constructor for the long tables below
    return Text(en, fr, nl, de)


WEBSITE = T("Website", "Site web", "Website", "Website")

# title, summary, description, kind, funding, organisations, audiences, regions, objectives, website,
# timeline [(year, status, Text)], outcomes [(figure, Text)]
INITIATIVES = [
    (
        T(
            "Digital training offer for jobseekers in Brussels",
            "Offre de formation numérique pour les demandeurs d'emploi à Bruxelles",
            "Digitaal opleidingsaanbod voor werkzoekenden in Brussel",
            "Digitales Schulungsangebot für Arbeitsuchende in Brüssel",
        ),
        T(
            "Pilot coding and e-marketing trainings for young jobseekers, now a structural part of the Brussels training offer.",
            "Des formations pilotes au code et à l'e-marketing pour jeunes demandeurs d'emploi, devenues une partie structurelle de l'offre bruxelloise.",
            "Proefopleidingen programmeren en e-marketing voor jonge werkzoekenden, nu een vast onderdeel van het Brusselse opleidingsaanbod.",
            "Pilotschulungen in Programmierung und E-Marketing für junge Arbeitsuchende, heute fester Bestandteil des Brüsseler Angebots.",
        ),
        T(
            "With European Social Fund resources from the Youth Employment Initiative, Bruxelles Formation set up pilot trainings with MolenGeek and BeCode so that jobseekers under 25 could acquire web development skills in six months.",
            "Grâce au Fonds social européen et à l'Initiative pour l'emploi des jeunes, Bruxelles Formation a lancé des formations pilotes avec MolenGeek et BeCode pour que les demandeurs d'emploi de moins de 25 ans acquièrent en six mois des compétences en développement web.",
            "Met middelen van het Europees Sociaal Fonds uit het Jongerenwerkgelegenheidsinitiatief zette Bruxelles Formation proefopleidingen op met MolenGeek en BeCode, zodat werkzoekenden jonger dan 25 in zes maanden webontwikkeling konden leren.",
            "Mit Mitteln des Europäischen Sozialfonds aus der Beschäftigungsinitiative für junge Menschen startete Bruxelles Formation mit MolenGeek und BeCode Pilotschulungen, damit Arbeitsuchende unter 25 in sechs Monaten Webentwicklung lernen.",
        ),
        "programme",
        "european",
        ["bruxelles-formation", "molengeek", "becode"],
        ["women-jobseekers", "career-changers"],
        ["brussels"],
        ["women-into-digital-jobs", "closing-the-gap"],
        "https://www.bruxellesformation.brussels",
        [
            (
                2017,
                "approved",
                T(
                    "The pilot trainings are approved and start in March.",
                    "Les formations pilotes sont approuvées et démarrent en mars.",
                    "De proefopleidingen worden goedgekeurd en starten in maart.",
                    "Die Pilotschulungen werden genehmigt und beginnen im März.",
                ),
            ),
            (
                2019,
                "implementation",
                T(
                    "The public digital training space becomes a full training centre, the BF digital spaces.",
                    "L'espace public numérique de formation devient un véritable centre de formation : les espaces numériques de BF.",
                    "De openbare digitale opleidingsruimte wordt een volwaardig opleidingscentrum: de digitale ruimtes van BF.",
                    "Der öffentliche digitale Schulungsraum wird zu einem vollwertigen Schulungszentrum: den digitalen BF-Räumen.",
                ),
            ),
            (
                2021,
                "implementation",
                T(
                    "Digital training for jobseekers runs as a regular practice and feeds the DigitalCity.brussels training pole.",
                    "La formation numérique des demandeurs d'emploi est devenue une pratique courante et alimente le pôle formation DigitalCity.brussels.",
                    "Digitale opleiding voor werkzoekenden is vaste praktijk en voedt de opleidingspool DigitalCity.brussels.",
                    "Digitale Schulungen für Arbeitsuchende sind feste Praxis und fließen in den Schulungspol DigitalCity.brussels ein.",
                ),
            ),
        ],
        [
            (
                "6",
                T(
                    "months to learn web development",
                    "mois pour apprendre le développement web",
                    "maanden om webontwikkeling te leren",
                    "Monate, um Webentwicklung zu lernen",
                ),
            ),
            (
                "3",
                T(
                    "pillars of the BF digital spaces offer",
                    "piliers de l'offre des espaces numériques de BF",
                    "pijlers van het aanbod van de digitale ruimtes van BF",
                    "Säulen des Angebots der digitalen BF-Räume",
                ),
            ),
        ],
    ),
    (
        T(
            "MolenGeek coding school",
            "L'école de code MolenGeek",
            "Codeerschool MolenGeek",
            "Programmierschule MolenGeek",
        ),
        T(
            "A tech school and start-up ecosystem in Molenbeek open to everyone, whatever their diploma.",
            "Une école tech et un écosystème de start-up à Molenbeek, ouverts à toutes et tous, quel que soit le diplôme.",
            "Een techschool en start-upecosysteem in Molenbeek dat openstaat voor iedereen, met of zonder diploma.",
            "Eine Tech-Schule und ein Start-up-Ökosystem in Molenbeek, offen für alle, mit oder ohne Abschluss.",
        ),
        T(
            "MolenGeek trains mobile web developers and e-marketers and helps its learners start their own projects.",
            "MolenGeek forme des développeurs web mobiles et des spécialistes de l'e-marketing, et aide ses apprenants à lancer leurs propres projets.",
            "MolenGeek leidt mobiele webontwikkelaars en e-marketeers op en helpt cursisten hun eigen projecten te starten.",
            "MolenGeek bildet mobile Webentwickler und E-Marketing-Fachleute aus und hilft Lernenden, eigene Projekte zu starten.",
        ),
        "programme",
        "mixed",
        ["molengeek"],
        ["women-jobseekers", "women-foreign-origin"],
        ["brussels"],
        ["women-into-digital-jobs", "closing-the-gap"],
        "https://molengeek.com",
        [
            (
                2017,
                "implementation",
                T(
                    "First coding trainings with Bruxelles Formation.",
                    "Premières formations au code avec Bruxelles Formation.",
                    "Eerste codeeropleidingen met Bruxelles Formation.",
                    "Erste Programmierschulungen mit Bruxelles Formation.",
                ),
            )
        ],
        [
            (
                "2",
                T(
                    "tracks: web development and e-marketing",
                    "filières : développement web et e-marketing",
                    "richtingen: webontwikkeling en e-marketing",
                    "Ausbildungswege: Webentwicklung und E-Marketing",
                ),
            )
        ],
    ),
    (
        T(
            "BeCode bootcamps",
            "Les bootcamps de BeCode",
            "De bootcamps van BeCode",
            "Die Bootcamps von BeCode",
        ),
        T(
            "Free, intensive trainings for jobseekers in web development, AI and data, and cybersecurity.",
            "Des formations intensives et gratuites pour demandeurs d'emploi en développement web, IA et données, et cybersécurité.",
            "Gratis, intensieve opleidingen voor werkzoekenden in webontwikkeling, AI en data, en cyberbeveiliging.",
            "Kostenlose Intensivschulungen für Arbeitsuchende in Webentwicklung, KI und Daten sowie Cybersicherheit.",
        ),
        T(
            "BeCode runs its bootcamps in several Belgian cities, in partnership with the regional employment and training services.",
            "BeCode organise ses bootcamps dans plusieurs villes belges, en partenariat avec les services régionaux de l'emploi et de la formation.",
            "BeCode organiseert zijn bootcamps in verschillende Belgische steden, samen met de gewestelijke diensten voor arbeidsbemiddeling en opleiding.",
            "BeCode veranstaltet seine Bootcamps in mehreren belgischen Städten, gemeinsam mit den regionalen Arbeits- und Ausbildungsdiensten.",
        ),
        "programme",
        "mixed",
        ["becode", "bruxelles-formation"],
        ["women-jobseekers", "career-changers"],
        ["brussels", "flanders", "wallonia"],
        ["women-into-digital-jobs"],
        "https://becode.org",
        [
            (
                2017,
                "implementation",
                T(
                    "First web developer training in Brussels.",
                    "Première formation de développeur web à Bruxelles.",
                    "Eerste opleiding webontwikkelaar in Brussel.",
                    "Erste Webentwickler-Schulung in Brüssel.",
                ),
            ),
            (
                2020,
                "implementation",
                T(
                    "AI and DevSecOps tracks are added.",
                    "Ajout des filières IA et DevSecOps.",
                    "De richtingen AI en DevSecOps komen erbij.",
                    "Die Ausbildungswege KI und DevSecOps kommen hinzu.",
                ),
            ),
        ],
        [
            (
                "3",
                T(
                    "tracks: web, AI and data, DevSecOps",
                    "filières : web, IA et données, DevSecOps",
                    "richtingen: web, AI en data, DevSecOps",
                    "Ausbildungswege: Web, KI und Daten, DevSecOps",
                ),
            )
        ],
    ),
    (
        T(
            "Interface3: IT trainings for women",
            "Interface3 : des formations informatiques pour les femmes",
            "Interface3: IT-opleidingen voor vrouwen",
            "Interface3: IT-Schulungen für Frauen",
        ),
        T(
            "A training centre that prepares women, many of them jobseekers, for jobs in IT and technology.",
            "Un centre de formation qui prépare les femmes, souvent demandeuses d'emploi, aux métiers de l'informatique et de la technologie.",
            "Een opleidingscentrum dat vrouwen, vaak werkzoekend, voorbereidt op jobs in IT en technologie.",
            "Ein Ausbildungszentrum, das Frauen, oft Arbeitsuchende, auf Berufe in IT und Technik vorbereitet.",
        ),
        T(
            "The federal Women in Digital strategy cites Interface3 among the trainings that succeed in reaching women and asks them to share their practices.",
            "La stratégie fédérale Women in Digital cite Interface3 parmi les formations qui réussissent à toucher les femmes et les invite à partager leurs pratiques.",
            "De federale Women in Digital-strategie noemt Interface3 bij de opleidingen die vrouwen goed bereiken en vraagt hen hun aanpak te delen.",
            "Die föderale Women-in-Digital-Strategie nennt Interface3 unter den Schulungen, die Frauen gut erreichen, und bittet sie, ihre Praxis zu teilen.",
        ),
        "good-practice",
        "public",
        ["interface3"],
        ["women-jobseekers", "career-changers", "single-mothers"],
        ["brussels"],
        ["women-into-digital-jobs", "closing-the-gap"],
        "https://www.interface3.be",
        [
            (
                2021,
                "implementation",
                T(
                    "Named a good practice in the Women in Digital strategy.",
                    "Citée comme bonne pratique dans la stratégie Women in Digital.",
                    "Vermeld als goede praktijk in de Women in Digital-strategie.",
                    "In der Women-in-Digital-Strategie als gute Praxis genannt.",
                ),
            )
        ],
        [
            (
                "100%",
                T(
                    "of learners are women",
                    "des apprenantes sont des femmes",
                    "van de cursisten zijn vrouwen",
                    "der Lernenden sind Frauen",
                ),
            )
        ],
    ),
    (
        T("DigitalChampions.be", "DigitalChampions.be", "DigitalChampions.be", "DigitalChampions.be"),
        T(
            "An alliance of public, private and educational partners that offers digital skills activities online to every citizen.",
            "Une alliance de partenaires publics, privés et éducatifs qui propose en ligne des activités de compétences numériques à tous les citoyens.",
            "Een alliantie van publieke, private en onderwijspartners die online activiteiten rond digitale vaardigheden aanbiedt aan elke burger.",
            "Ein Bündnis öffentlicher, privater und schulischer Partner, das allen Bürgerinnen und Bürgern digitale Lernangebote online bereitstellt.",
        ),
        T(
            "Created by the Belgian Digital Skills and Jobs Coalition, the programme targets all citizens whatever their age or background.",
            "Créé par la Coalition belge pour les compétences et les emplois numériques, le programme s'adresse à tous les citoyens, quels que soient leur âge ou leur parcours.",
            "Het programma werd opgericht door de Belgische Digital Skills and Jobs Coalition en richt zich tot alle burgers, ongeacht leeftijd of achtergrond.",
            "Das von der belgischen Koalition für digitale Kompetenzen und Berufe geschaffene Programm richtet sich an alle, unabhängig von Alter oder Herkunft.",
        ),
        "network",
        "mixed",
        ["digitalchampions", "agoria"],
        ["women-55-74", "parents", "teachers-educators"],
        ["online-national"],
        ["closing-the-gap"],
        "https://www.digitalchampions.be",
        [
            (
                2020,
                "implementation",
                T(
                    "The coalition is relaunched on 2 November 2020.",
                    "La coalition est relancée le 2 novembre 2020.",
                    "De coalitie wordt op 2 november 2020 opnieuw gelanceerd.",
                    "Die Koalition wird am 2. November 2020 neu gestartet.",
                ),
            )
        ],
        [
            (
                "12",
                T(
                    "pledges registered by the Belgian coalition",
                    "engagements enregistrés par la coalition belge",
                    "engagementen geregistreerd door de Belgische coalitie",
                    "von der belgischen Koalition registrierte Zusagen",
                ),
            )
        ],
    ),
    (
        T(
            "Belgian Digital Skills and Jobs Coalition",
            "Coalition belge pour les compétences et les emplois numériques",
            "Belgische coalitie voor digitale vaardigheden en jobs",
            "Belgische Koalition für digitale Kompetenzen und Berufe",
        ),
        T(
            "A multi-stakeholder partnership that tackles the digital skills shortage by upskilling and reskilling people.",
            "Un partenariat multi-acteurs qui s'attaque à la pénurie de compétences numériques par la formation et la reconversion.",
            "Een partnerschap van vele actoren dat het tekort aan digitale vaardigheden aanpakt door bij- en omscholing.",
            "Eine Partnerschaft vieler Akteure, die dem Mangel an digitalen Kompetenzen mit Weiter- und Umschulung begegnet.",
        ),
        T(
            "Its priorities include modern teaching, competence frameworks such as DigComp and e-CF, and careers in ICT that are open to everyone.",
            "Ses priorités incluent un enseignement modernisé, des référentiels de compétences comme DigComp et e-CF, et des carrières TIC ouvertes à toutes et tous.",
            "Tot de prioriteiten behoren vernieuwd onderwijs, competentiekaders zoals DigComp en e-CF, en ICT-loopbanen die voor iedereen openstaan.",
            "Zu den Prioritäten gehören moderner Unterricht, Kompetenzrahmen wie DigComp und e-CF sowie IKT-Berufe, die allen offenstehen.",
        ),
        "network",
        "mixed",
        ["agoria", "fps-economy"],
        ["employers-hr", "teachers-educators"],
        ["online-national"],
        ["retaining-women", "women-into-digital-jobs"],
        "",
        [
            (
                2014,
                "approved",
                T(
                    "The first national coalition is created.",
                    "Création de la première coalition nationale.",
                    "De eerste nationale coalitie wordt opgericht.",
                    "Die erste nationale Koalition wird gegründet.",
                ),
            ),
            (
                2020,
                "implementation",
                T(
                    "Relaunch with a governing board.",
                    "Relance avec un conseil de gouvernance.",
                    "Herstart met een bestuursorgaan.",
                    "Neustart mit einem Lenkungsgremium.",
                ),
            ),
        ],
        [
            (
                "4.5 million",
                T(
                    "workers at risk without new digital skills",
                    "travailleurs menacés sans nouvelles compétences numériques",
                    "werkenden die risico lopen zonder nieuwe digitale vaardigheden",
                    "Erwerbstätige, die ohne neue digitale Kompetenzen gefährdet sind",
                ),
            )
        ],
    ),
    (
        T(
            "Women in Digital strategy",
            "Stratégie Women in Digital",
            "Women in Digital-strategie",
            "Women-in-Digital-Strategie",
        ),
        T(
            "The federal five-year strategy with five objectives to close the gender gap in digital.",
            "La stratégie fédérale quinquennale à cinq objectifs pour combler l'écart entre les genres dans le numérique.",
            "De federale vijfjarenstrategie met vijf doelstellingen om de genderkloof in de digitale sector te dichten.",
            "Die föderale Fünfjahresstrategie mit fünf Zielen, um die Geschlechterlücke im Digitalen zu schließen.",
        ),
        T(
            "Women make up 52% of the population but hold only a small share of ICT jobs; the strategy works on studies, jobs, retention, images and specific target groups.",
            "Les femmes représentent 52 % de la population mais n'occupent qu'une petite part des emplois TIC ; la stratégie agit sur les études, l'emploi, le maintien, les images et des groupes cibles spécifiques.",
            "Vrouwen vormen 52% van de bevolking maar hebben slechts een klein deel van de ICT-jobs; de strategie werkt aan studies, jobs, behoud, beeldvorming en specifieke doelgroepen.",
            "Frauen stellen 52 % der Bevölkerung, haben aber nur einen kleinen Teil der IKT-Stellen; die Strategie setzt bei Studium, Beruf, Verbleib, Bildern und bestimmten Zielgruppen an.",
        ),
        "programme",
        "public",
        ["fps-economy"],
        ["girls-under-12", "teenage-girls", "women-jobseekers", "employers-hr"],
        ["online-national"],
        [
            "more-women-graduates",
            "women-into-digital-jobs",
            "retaining-women",
            "new-images",
            "closing-the-gap",
        ],
        "https://economie.fgov.be",
        [
            (
                2019,
                "approved",
                T(
                    "Belgium signs the declaration Commitment on Women in Digital on 9 April 2019.",
                    "La Belgique signe la déclaration Commitment on Women in Digital le 9 avril 2019.",
                    "België ondertekent op 9 april 2019 de verklaring Commitment on Women in Digital.",
                    "Belgien unterzeichnet am 9. April 2019 die Erklärung Commitment on Women in Digital.",
                ),
            ),
            (
                2021,
                "implementation",
                T(
                    "The five-year strategy starts.",
                    "La stratégie quinquennale démarre.",
                    "De vijfjarenstrategie gaat van start.",
                    "Die Fünfjahresstrategie beginnt.",
                ),
            ),
        ],
        [
            (
                "5",
                T(
                    "strategic objectives",
                    "objectifs stratégiques",
                    "strategische doelstellingen",
                    "strategische Ziele",
                ),
            ),
            (
                "52%",
                T(
                    "of the population are women",
                    "de la population sont des femmes",
                    "van de bevolking is vrouw",
                    "der Bevölkerung sind Frauen",
                ),
            ),
        ],
    ),
    (
        T(
            "Girls & Women in Digital job days",
            "Journées emploi Girls & Women in Digital",
            "Jobdagen Girls & Women in Digital",
            "Jobtage Girls & Women in Digital",
        ),
        T(
            "Job days where girls and women meet employers, try digital jobs and talk to women who work in them.",
            "Des journées emploi où filles et femmes rencontrent des employeurs, découvrent les métiers du numérique et parlent avec des femmes qui les exercent.",
            "Jobdagen waar meisjes en vrouwen werkgevers ontmoeten, digitale jobs uitproberen en praten met vrouwen die ze uitoefenen.",
            "Jobtage, an denen Mädchen und Frauen Arbeitgeber treffen, digitale Berufe ausprobieren und mit Frauen sprechen, die darin arbeiten.",
        ),
        T(
            "The days bring together employers, training providers and role models in every region.",
            "Ces journées réunissent employeurs, organismes de formation et modèles dans chaque région.",
            "Op deze dagen komen werkgevers, opleiders en rolmodellen in elke regio samen.",
            "Diese Tage bringen Arbeitgeber, Bildungsanbieter und Vorbilder in jeder Region zusammen.",
        ),
        "campaign",
        "public",
        ["fps-economy", "agoria"],
        ["teenage-girls", "students-choosing-studies", "women-jobseekers"],
        ["brussels", "flanders", "wallonia", "ostbelgien"],
        ["women-into-digital-jobs", "new-images"],
        "",
        [
            (
                2022,
                "implementation",
                T(
                    "First job days organised with partners.",
                    "Premières journées emploi organisées avec les partenaires.",
                    "Eerste jobdagen samen met partners.",
                    "Erste Jobtage mit Partnern.",
                ),
            )
        ],
        [("4", T("regions reached", "régions touchées", "bereikte regio's", "erreichte Regionen"))],
    ),
    (
        T("No Women No Panel", "No Women No Panel", "No Women No Panel", "No Women No Panel"),
        T(
            "A campaign asking organisers never to hold a panel without women speakers.",
            "Une campagne qui demande aux organisateurs de ne jamais tenir de panel sans oratrices.",
            "Een campagne die organisatoren vraagt nooit een panel zonder vrouwelijke sprekers te houden.",
            "Eine Kampagne, die Veranstalter auffordert, nie ein Podium ohne Rednerinnen abzuhalten.",
        ),
        T(
            "Women are too rarely seen as experts in the media and at conferences; the campaign makes balanced panels the norm.",
            "Les femmes sont trop rarement vues comme expertes dans les médias et les conférences ; la campagne fait des panels équilibrés la norme.",
            "Vrouwen worden te weinig als expert gezien in de media en op conferenties; de campagne maakt evenwichtige panels de norm.",
            "Frauen werden in Medien und auf Konferenzen zu selten als Expertinnen gesehen; die Kampagne macht ausgewogene Podien zur Regel.",
        ),
        "campaign",
        "public",
        ["fps-economy"],
        ["employers-hr", "entrepreneurs-managers"],
        ["online-national"],
        ["new-images"],
        "",
        [
            (
                2021,
                "implementation",
                T(
                    "Launched as part of the Women in Digital strategy.",
                    "Lancée dans le cadre de la stratégie Women in Digital.",
                    "Gelanceerd als onderdeel van de Women in Digital-strategie.",
                    "Im Rahmen der Women-in-Digital-Strategie gestartet.",
                ),
            )
        ],
        [],
    ),
    (
        T(
            "Female experts for the media",
            "Expertes pour les médias",
            "Vrouwelijke experts voor de media",
            "Expertinnen für die Medien",
        ),
        T(
            "A list of women experts in digital that journalists and organisers can call on.",
            "Une liste d'expertes du numérique que journalistes et organisateurs peuvent solliciter.",
            "Een lijst van vrouwelijke digitale experts waarop journalisten en organisatoren een beroep kunnen doen.",
            "Eine Liste von Digitalexpertinnen, an die sich Journalisten und Veranstalter wenden können.",
        ),
        T(
            "Showing women experts changes the image of digital jobs for girls who are choosing their studies.",
            "Montrer des expertes change l'image des métiers du numérique pour les filles qui choisissent leurs études.",
            "Vrouwelijke experts tonen verandert het beeld van digitale jobs voor meisjes die hun studie kiezen.",
            "Expertinnen sichtbar zu machen verändert das Bild digitaler Berufe für Mädchen vor der Studienwahl.",
        ),
        "good-practice",
        "public",
        ["fps-economy"],
        ["students-choosing-studies", "employers-hr"],
        ["online-national"],
        ["new-images"],
        "",
        [
            (
                2022,
                "implementation",
                T(
                    "The first experts are listed.",
                    "Les premières expertes sont répertoriées.",
                    "De eerste experts worden opgenomen.",
                    "Die ersten Expertinnen werden aufgenommen.",
                ),
            )
        ],
        [],
    ),
    (
        T(
            "Be Digital Together platform",
            "La plateforme Be Digital Together",
            "Het platform Be Digital Together",
            "Die Plattform Be Digital Together",
        ),
        T(
            "This website: trainings, workshops, role models and events in four languages, built to be accessible.",
            "Ce site : formations, ateliers, modèles et événements en quatre langues, conçu pour être accessible.",
            "Deze website: opleidingen, workshops, rolmodellen en evenementen in vier talen, toegankelijk ontworpen.",
            "Diese Website: Schulungen, Workshops, Vorbilder und Veranstaltungen in vier Sprachen, barrierefrei gestaltet.",
        ),
        T(
            "The platform gathers the training offer, a repository of testimonials by women in tech and skills intelligence in one place.",
            "La plateforme rassemble l'offre de formation, un répertoire de témoignages de femmes dans la tech et des informations sur les compétences.",
            "Het platform bundelt het opleidingsaanbod, getuigenissen van vrouwen in tech en informatie over vaardigheden op één plek.",
            "Die Plattform bündelt das Schulungsangebot, Erfahrungsberichte von Frauen in der Tech-Branche und Wissen über Kompetenzen an einem Ort.",
        ),
        "programme",
        "public",
        ["fps-economy", "digitalchampions"],
        ["women-jobseekers", "career-changers", "teenage-girls", "parents"],
        ["online-national"],
        ["new-images", "women-into-digital-jobs"],
        "",
        [
            (
                2023,
                "implementation",
                T(
                    "The platform opens in French, Dutch, German and English.",
                    "La plateforme ouvre en français, néerlandais, allemand et anglais.",
                    "Het platform opent in het Frans, Nederlands, Duits en Engels.",
                    "Die Plattform startet auf Französisch, Niederländisch, Deutsch und Englisch.",
                ),
            )
        ],
        [("4", T("languages", "langues", "talen", "Sprachen"))],
    ),
]


def load_initiatives(loader, home):
    from .models import (
        InitiativeIndexPage,
        InitiativePage,
        InitiativePageLink,
        InitiativePageOrganisation,
        InitiativePageOutcome,
        InitiativePageTimelineEntry,
    )

    repository = loader.page(home, InitiativeIndexPage, show_in_menus=True, **REPOSITORY)
    english = loader.english
    organisations = {org.slug: org for org in Organisation.objects.filter(locale=english)}
    loader.register(WEBSITE)
    for spec in INITIATIVES:
        (
            title,
            summary,
            description,
            kind,
            funding,
            orgs,
            audiences,
            regions,
            objectives,
            website,
            timeline,
            outcomes,
        ) = spec
        loader.register(description, *(text for _y, _s, text in timeline), *(text for _f, text in outcomes))
        loader.page(
            repository,
            InitiativePage,
            slug=slug_text(title),
            title=title,
            introduction=summary,
            description=paragraphs(description),
            kind=kind,
            funding_type=funding,
            website=website,
            target_groups=_terms(TargetGroup, audiences, english),
            regions=_terms(Region, regions, english),
            strategic_objectives=_terms(StrategicObjective, objectives, english),
            organisations=[
                InitiativePageOrganisation(organisation=organisations[slug], sort_order=i)
                for i, slug in enumerate(orgs)
            ],
            timeline=[
                InitiativePageTimelineEntry(year=year, status=status, description=text.en, sort_order=i)
                for i, (year, status, text) in enumerate(timeline)
            ],
            outcomes=[
                InitiativePageOutcome(figure=figure, label=text.en, sort_order=i)
                for i, (figure, text) in enumerate(outcomes)
            ],
            links=[InitiativePageLink(title=WEBSITE.en, url=website)] if website else [],
        )
    return repository


def load(loader):
    home = loader.locale_root("en")
    load_trainings(loader, home)
    load_initiatives(loader, home)
