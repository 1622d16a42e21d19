"""Demo content of the testimonials app: the role-model index and made-up role models in four languages.

Every person here is invented (names, careers and quotes); portraits are drawn locally by the loader.
"""

import datetime

from home.demo import DemoLoader, Text, paragraphs
from home.models import CompetenceArea, Region, TargetGroup

from .models import TestimonialIndexPage, TestimonialPage, TestimonialPageCareerStep

INDEX = {
    "slug": Text("role-models", "modeles", "rolmodellen", "vorbilder"),
    "title": Text("Role models", "Modèles inspirants", "Rolmodellen", "Vorbilder"),
    "introduction": Text(
        "Women in digital jobs tell how they got there. Many of them are open to mentoring, speaking or media requests.",
        "Des femmes qui travaillent dans le numérique racontent leur parcours. Beaucoup acceptent du mentorat, "
        "des interventions ou des demandes des médias.",
        "Vrouwen met een digitale job vertellen hoe ze daar gekomen zijn. Velen staan open voor mentoring, "
        "spreekbeurten of vragen van de media.",
        "Frauen in digitalen Berufen erzählen, wie sie dorthin gekommen sind. Viele sind offen für Mentoring, "
        "Vorträge oder Medienanfragen.",
    ),
}

ROLES = {
    "student-cs": Text(
        "Student in applied computer science",
        "Étudiante en informatique appliquée",
        "Studente toegepaste informatica",
        "Studentin der angewandten Informatik",
    ),
    "bootcamp": Text(
        "Coding bootcamp learner",
        "Apprenante en bootcamp de code",
        "Cursiste in een codeerbootcamp",
        "Teilnehmerin eines Coding-Bootcamps",
    ),
    "junior-dev": Text(
        "Junior developer", "Développeuse junior", "Junior ontwikkelaar", "Junior-Entwicklerin"
    ),
    "teacher": Text(
        "Secondary school teacher",
        "Enseignante en secondaire",
        "Leerkracht secundair onderwijs",
        "Lehrerin an einer Sekundarschule",
    ),
    "accountant": Text("Accountant", "Comptable", "Boekhouder", "Buchhalterin"),
    "nurse": Text("Nurse", "Infirmière", "Verpleegkundige", "Krankenpflegerin"),
    "journalist": Text("Journalist", "Journaliste", "Journaliste", "Journalistin"),
    "analyst": Text("Data analyst", "Analyste de données", "Data-analist", "Datenanalystin"),
    "helpdesk": Text(
        "Helpdesk technician", "Technicienne helpdesk", "Helpdeskmedewerker", "Helpdesk-Technikerin"
    ),
    "founder": Text(
        "Founder of her own company",
        "Fondatrice de sa propre entreprise",
        "Oprichter van haar eigen bedrijf",
        "Gründerin ihres eigenen Unternehmens",
    ),
    "designer": Text("Graphic designer", "Graphiste", "Grafisch ontwerper", "Grafikdesignerin"),
    "sales": Text("Shop assistant", "Vendeuse", "Winkelbediende", "Verkäuferin"),
}

ORG_NAMES = [
    "Haute École Numérix",
    "Hogeschool Digitaal",
    "Atelier Pixelrood",
    "CodeKlas vzw",
    "DataMeuse",
    "Brabant Health IT",
    "Liège Logistique",
    "Eupen Netz",
    "Lumen Bank",
    "Kanaal Media",
    "Studio Sint-Pieters",
    "SecurOstende",
]


def portrait_alt(name):
    return Text(
        f"Illustrated portrait of {name}",
        f"Portrait illustré de {name}",
        f"Geïllustreerd portret van {name}",
        f"Illustriertes Porträt von {name}",
    )


# name, sector, region, competences, target groups, (mentoring, speaking, media), languages, tags,
# job, introduction, quote, story, career steps [(year, role key, organisation)]
ROLE_MODELS = [
    (
        "Amina El Idrissi",
        "software",
        "brussels",
        ["programming-web", "cloud-infrastructure"],
        ["teenage-girls", "women-foreign-origin"],
        (True, True, False),
        ["fr", "nl", "en"],
        ["kubernetes", "devops"],
        Text("Cloud engineer", "Ingénieure cloud", "Cloud engineer", "Cloud-Ingenieurin"),
        Text(
            "She learnt to code at 24 in a bootcamp and now runs the servers of a software company.",
            "Elle a appris à coder à 24 ans dans un bootcamp et gère aujourd'hui les serveurs d'un éditeur de logiciels.",
            "Ze leerde programmeren op haar 24e in een bootcamp en beheert nu de servers van een softwarebedrijf.",
            "Sie lernte mit 24 in einem Bootcamp programmieren und betreut heute die Server eines Softwareunternehmens.",
        ),
        Text(
            "Nobody is born knowing how a server works. I learnt it, so can you.",
            "Personne ne naît en sachant comment fonctionne un serveur. Je l'ai appris, vous aussi vous le pouvez.",
            "Niemand wordt geboren met kennis van servers. Ik heb het geleerd, jij kan het ook.",
            "Niemand weiß von Geburt an, wie ein Server funktioniert. Ich habe es gelernt, Sie können es auch.",
        ),
        Text(
            "After studies in languages, Amina joined a free coding bootcamp in Molenbeek. Today she keeps the platforms of hundreds of customers running.",
            "Après des études de langues, Amina a suivi un bootcamp de code gratuit à Molenbeek. Aujourd'hui, elle fait tourner les plateformes de centaines de clients.",
            "Na een taalopleiding volgde Amina een gratis codeerbootcamp in Molenbeek. Vandaag houdt ze de platformen van honderden klanten draaiende.",
            "Nach einem Sprachstudium besuchte Amina ein kostenloses Coding-Bootcamp in Molenbeek. Heute hält sie die Plattformen von Hunderten von Kunden am Laufen.",
        ),
        [(2016, "bootcamp", "CodeKlas vzw"), (2017, "junior-dev", "Atelier Pixelrood")],
    ),
    (
        "Sofie Vermeulen",
        "software",
        "flanders",
        ["cybersecurity", "safety"],
        ["students-choosing-studies", "teenage-girls"],
        (True, True, True),
        ["nl", "en"],
        ["ethical hacking"],
        Text("Ethical hacker", "Hackeuse éthique", "Ethisch hacker", "Ethische Hackerin"),
        Text(
            "She tests the defences of companies by attacking them, with their permission.",
            "Elle teste les défenses des entreprises en les attaquant, avec leur permission.",
            "Ze test de verdediging van bedrijven door hen aan te vallen, met hun toestemming.",
            "Sie prüft die Abwehr von Unternehmen, indem sie sie angreift, mit deren Erlaubnis.",
        ),
        Text(
            "Breaking things to make them safer is the best job in the world.",
            "Casser des choses pour les rendre plus sûres, c'est le plus beau métier du monde.",
            "Dingen kraken om ze veiliger te maken is de mooiste job ter wereld.",
            "Dinge zu knacken, um sie sicherer zu machen, ist der schönste Beruf der Welt.",
        ),
        Text(
            "Sofie discovered security through a capture-the-flag contest at school. She now leads a team of penetration testers.",
            "Sofie a découvert la sécurité lors d'un concours capture-the-flag à l'école. Elle dirige aujourd'hui une équipe de testeurs d'intrusion.",
            "Sofie ontdekte beveiliging via een capture-the-flagwedstrijd op school. Nu leidt ze een team van penetratietesters.",
            "Sofie entdeckte die IT-Sicherheit bei einem Capture-the-Flag-Wettbewerb in der Schule. Heute leitet sie ein Team von Penetrationstesterinnen und -testern.",
        ),
        [(2012, "student-cs", "Hogeschool Digitaal"), (2015, "junior-dev", "SecurOstende")],
    ),
    (
        "Claire Dubois",
        "finance",
        "wallonia",
        ["cybersecurity", "information-data-literacy"],
        ["employers-hr", "entrepreneurs-managers"],
        (False, True, True),
        ["fr", "en"],
        ["risk management"],
        Text(
            "Chief information security officer",
            "Responsable de la sécurité de l'information",
            "Informatiebeveiligingsverantwoordelijke",
            "Informationssicherheitsbeauftragte",
        ),
        Text(
            "She protects the data of a bank's customers and explains cyber risks to its board.",
            "Elle protège les données des clients d'une banque et explique les cyberrisques à son conseil.",
            "Ze beschermt de gegevens van de klanten van een bank en legt cyberrisico's uit aan de raad van bestuur.",
            "Sie schützt die Daten der Kundschaft einer Bank und erklärt dem Vorstand die Cyberrisiken.",
        ),
        Text(
            "Security is about people before it is about machines.",
            "La sécurité, ce sont les personnes avant les machines.",
            "Beveiliging gaat eerst over mensen en dan pas over machines.",
            "Bei Sicherheit geht es zuerst um Menschen, dann um Maschinen.",
        ),
        Text(
            "Claire started as an accountant and moved into IT audit, then into security, through evening classes.",
            "Claire a commencé comme comptable, puis est passée à l'audit informatique et à la sécurité grâce à des cours du soir.",
            "Claire begon als boekhouder en stapte via avondlessen over naar IT-audit en daarna naar beveiliging.",
            "Claire begann als Buchhalterin und wechselte über Abendkurse in die IT-Prüfung und dann in die Sicherheit.",
        ),
        [(2005, "accountant", "Lumen Bank"), (2011, "analyst", "Lumen Bank")],
    ),
    (
        "Lena Schröder",
        "public",
        "ostbelgien",
        ["communication-collaboration", "problem-solving"],
        ["women-55-74", "parents"],
        (True, True, False),
        ["de", "fr"],
        ["digital inclusion"],
        Text(
            "Digital inclusion officer",
            "Chargée d'inclusion numérique",
            "Medewerker digitale inclusie",
            "Referentin für digitale Inklusion",
        ),
        Text(
            "She helps citizens of all ages use online public services with confidence.",
            "Elle aide les citoyens de tous âges à utiliser les services publics en ligne en toute confiance.",
            "Ze helpt burgers van alle leeftijden om zelfzeker online overheidsdiensten te gebruiken.",
            "Sie hilft Bürgerinnen und Bürgern jeden Alters, Online-Behördendienste sicher zu nutzen.",
        ),
        Text(
            "It is never too late to feel at home online.",
            "Il n'est jamais trop tard pour se sentir à l'aise en ligne.",
            "Het is nooit te laat om je online thuis te voelen.",
            "Es ist nie zu spät, sich online zu Hause zu fühlen.",
        ),
        Text(
            "Lena was a teacher for fifteen years before organising digital help desks in the libraries of her region.",
            "Lena a été enseignante pendant quinze ans avant d'organiser des permanences numériques dans les bibliothèques de sa région.",
            "Lena was vijftien jaar leerkracht voor ze digitale hulppunten organiseerde in de bibliotheken van haar regio.",
            "Lena war fünfzehn Jahre Lehrerin, bevor sie digitale Sprechstunden in den Bibliotheken ihrer Region organisierte.",
        ),
        [(2003, "teacher", "Eupen Netz"), (2018, "helpdesk", "Eupen Netz")],
    ),
    (
        "Fatou Diallo",
        "health",
        "brussels",
        ["data-ai", "information-data-literacy"],
        ["women-foreign-origin", "students-choosing-studies"],
        (True, True, True),
        ["fr", "en"],
        ["machine learning", "health data"],
        Text(
            "Data scientist in a hospital",
            "Data scientist dans un hôpital",
            "Datawetenschapper in een ziekenhuis",
            "Datenwissenschaftlerin in einem Krankenhaus",
        ),
        Text(
            "She builds models that help nurses plan care and spot patients at risk earlier.",
            "Elle construit des modèles qui aident les infirmières à planifier les soins et à repérer plus tôt les patients à risque.",
            "Ze bouwt modellen die verpleegkundigen helpen de zorg te plannen en risicopatiënten vroeger op te sporen.",
            "Sie entwickelt Modelle, die Pflegekräften helfen, die Pflege zu planen und gefährdete Patienten früher zu erkennen.",
        ),
        Text(
            "Data can save time for care, and time for care saves lives.",
            "Les données peuvent libérer du temps pour les soins, et ce temps sauve des vies.",
            "Data kan tijd vrijmaken voor zorg, en die tijd redt levens.",
            "Daten können Zeit für die Pflege schaffen, und diese Zeit rettet Leben.",
        ),
        Text(
            "Fatou was a nurse before she studied statistics at night. She now connects the worlds of care and data.",
            "Fatou était infirmière avant d'étudier les statistiques le soir. Elle relie aujourd'hui le monde des soins et celui des données.",
            "Fatou was verpleegkundige voor ze 's avonds statistiek studeerde. Nu verbindt ze de wereld van de zorg met die van data.",
            "Fatou war Krankenpflegerin, bevor sie abends Statistik studierte. Heute verbindet sie die Welt der Pflege mit der Welt der Daten.",
        ),
        [(2010, "nurse", "Brabant Health IT"), (2016, "analyst", "Brabant Health IT")],
    ),
    (
        "Inge Peeters",
        "industry",
        "flanders",
        ["data-ai", "problem-solving"],
        ["career-changers", "women-jobseekers"],
        (True, False, False),
        ["nl"],
        ["predictive maintenance"],
        Text(
            "Industrial data engineer",
            "Ingénieure données industrielles",
            "Industrieel data-engineer",
            "Ingenieurin für Industriedaten",
        ),
        Text(
            "She turns the sensor data of a factory into warnings before machines break down.",
            "Elle transforme les données des capteurs d'une usine en alertes avant que les machines ne tombent en panne.",
            "Ze zet de sensordata van een fabriek om in waarschuwingen voor machines defect raken.",
            "Sie verwandelt die Sensordaten einer Fabrik in Warnungen, bevor Maschinen ausfallen.",
        ),
        Text(
            "I changed careers at 40 and have never been bored since.",
            "J'ai changé de carrière à 40 ans et je ne me suis plus jamais ennuyée.",
            "Ik veranderde van loopbaan op mijn 40e en heb me sindsdien nooit meer verveeld.",
            "Ich habe mit 40 den Beruf gewechselt und mich seitdem nie mehr gelangweilt.",
        ),
        Text(
            "Inge worked in a shop for years, retrained with a regional employment service and found her place on the factory floor.",
            "Inge a travaillé des années dans un magasin, s'est reconvertie avec un service régional de l'emploi et a trouvé sa place à l'usine.",
            "Inge werkte jaren in een winkel, schoolde zich om via een regionale arbeidsbemiddelingsdienst en vond haar plek in de fabriek.",
            "Inge arbeitete jahrelang in einem Geschäft, schulte bei einem regionalen Arbeitsamt um und fand ihren Platz in der Fabrik.",
        ),
        [(2004, "sales", "Studio Sint-Pieters"), (2019, "analyst", "Liège Logistique")],
    ),
    (
        "Nadia Benali",
        "media",
        "brussels",
        ["digital-content-creation", "digital-media-graphics"],
        ["teenage-girls", "girls-under-12"],
        (False, True, True),
        ["fr", "nl", "en"],
        ["video", "storytelling"],
        Text(
            "Creative director of a digital studio",
            "Directrice créative d'un studio numérique",
            "Creatief directeur van een digitale studio",
            "Kreativdirektorin eines Digitalstudios",
        ),
        Text(
            "She creates interactive stories and games that explain science to children.",
            "Elle crée des histoires interactives et des jeux qui expliquent la science aux enfants.",
            "Ze maakt interactieve verhalen en games die wetenschap uitleggen aan kinderen.",
            "Sie gestaltet interaktive Geschichten und Spiele, die Kindern die Wissenschaft erklären.",
        ),
        Text(
            "Code is just another way to tell a story.",
            "Le code n'est qu'une autre façon de raconter une histoire.",
            "Code is gewoon een andere manier om een verhaal te vertellen.",
            "Code ist nur eine andere Art, eine Geschichte zu erzählen.",
        ),
        Text(
            "Nadia studied graphic design and taught herself animation and programming to bring her drawings to life.",
            "Nadia a étudié le graphisme et appris seule l'animation et la programmation pour donner vie à ses dessins.",
            "Nadia studeerde grafisch ontwerp en leerde zichzelf animatie en programmeren om haar tekeningen tot leven te brengen.",
            "Nadia studierte Grafikdesign und brachte sich Animation und Programmierung selbst bei, um ihre Zeichnungen lebendig zu machen.",
        ),
        [(2011, "designer", "Atelier Pixelrood"), (2018, "founder", "Kanaal Media")],
    ),
    (
        "Marie Lambert",
        "education",
        "wallonia",
        ["programming-web", "digital-content-creation"],
        ["teachers-educators", "girls-under-12"],
        (True, True, False),
        ["fr"],
        ["computational thinking"],
        Text(
            "Computer science lecturer",
            "Maîtresse-assistante en informatique",
            "Docent informatica",
            "Dozentin für Informatik",
        ),
        Text(
            "She trains future teachers to bring coding into primary school classrooms.",
            "Elle forme les futurs enseignants à faire entrer le code dans les classes de l'école primaire.",
            "Ze leidt toekomstige leerkrachten op om programmeren in de lagere school te brengen.",
            "Sie bildet angehende Lehrkräfte aus, um das Programmieren in die Grundschule zu bringen.",
        ),
        Text(
            "Girls decide very early what they are good at. We must be there before that.",
            "Les filles décident très tôt de ce pour quoi elles sont douées. Nous devons être là avant.",
            "Meisjes beslissen heel vroeg waar ze goed in zijn. Daar moeten we vóór zijn.",
            "Mädchen entscheiden sehr früh, worin sie gut sind. Wir müssen vorher da sein.",
        ),
        Text(
            "Marie taught mathematics before specialising in computer science education at a university college.",
            "Marie a enseigné les mathématiques avant de se spécialiser dans l'enseignement de l'informatique dans une haute école.",
            "Marie gaf les in wiskunde voor ze zich specialiseerde in informaticaonderwijs aan een hogeschool.",
            "Marie unterrichtete Mathematik, bevor sie sich an einer Hochschule auf Informatikdidaktik spezialisierte.",
        ),
        [(2008, "teacher", "Haute École Numérix"), (2015, "student-cs", "Haute École Numérix")],
    ),
    (
        "Eva Janssens",
        "retail",
        "flanders",
        ["digital-marketing", "information-data-literacy"],
        ["entrepreneurs-managers", "single-mothers"],
        (True, True, True),
        ["nl", "fr", "de", "en"],
        ["e-commerce", "seo"],
        Text(
            "E-commerce entrepreneur",
            "Entrepreneuse en e-commerce",
            "E-commerceondernemer",
            "E-Commerce-Unternehmerin",
        ),
        Text(
            "She runs an online shop for sustainable children's clothes from her kitchen table.",
            "Elle gère depuis sa table de cuisine une boutique en ligne de vêtements durables pour enfants.",
            "Ze runt vanaf haar keukentafel een webwinkel met duurzame kinderkleding.",
            "Sie betreibt von ihrem Küchentisch aus einen Onlineshop für nachhaltige Kinderkleidung.",
        ),
        Text(
            "Being a single mother taught me to plan. Digital tools did the rest.",
            "Être mère célibataire m'a appris à m'organiser. Les outils numériques ont fait le reste.",
            "Als alleenstaande moeder leerde ik plannen. Digitale tools deden de rest.",
            "Als alleinerziehende Mutter habe ich planen gelernt. Digitale Werkzeuge haben den Rest erledigt.",
        ),
        Text(
            "Eva taught herself online marketing with free courses and now coaches other women who start a web shop.",
            "Eva s'est formée seule au marketing en ligne grâce à des cours gratuits et accompagne aujourd'hui d'autres femmes qui lancent une boutique en ligne.",
            "Eva leerde zichzelf online marketing met gratis cursussen en coacht nu andere vrouwen die een webwinkel starten.",
            "Eva brachte sich Online-Marketing mit kostenlosen Kursen selbst bei und begleitet heute andere Frauen, die einen Onlineshop gründen.",
        ),
        [(2009, "sales", "Studio Sint-Pieters"), (2020, "founder", "Studio Sint-Pieters")],
    ),
    (
        "Julia Weber",
        "telecom",
        "ostbelgien",
        ["cloud-infrastructure", "cybersecurity"],
        ["students-choosing-studies", "women-with-disability"],
        (True, True, True),
        ["de", "nl", "en"],
        ["networks", "accessibility"],
        Text("Network architect", "Architecte réseau", "Netwerkarchitect", "Netzwerkarchitektin"),
        Text(
            "She designs the fibre and mobile networks that connect villages in the east of the country.",
            "Elle conçoit les réseaux de fibre et de téléphonie mobile qui relient les villages de l'est du pays.",
            "Ze ontwerpt de glasvezel- en mobiele netwerken die dorpen in het oosten van het land verbinden.",
            "Sie plant die Glasfaser- und Mobilfunknetze, die die Dörfer im Osten des Landes verbinden.",
        ),
        Text(
            "My wheelchair has never stopped a network from working.",
            "Mon fauteuil roulant n'a jamais empêché un réseau de fonctionner.",
            "Mijn rolstoel heeft nog nooit een netwerk tegengehouden.",
            "Mein Rollstuhl hat noch nie ein Netzwerk am Funktionieren gehindert.",
        ),
        Text(
            "Julia studied electronics in Aachen and came back home to build the networks her region needed.",
            "Julia a étudié l'électronique à Aix-la-Chapelle et est revenue chez elle construire les réseaux dont sa région avait besoin.",
            "Julia studeerde elektronica in Aken en kwam terug naar huis om de netwerken te bouwen die haar regio nodig had.",
            "Julia studierte Elektronik in Aachen und kam zurück, um die Netze zu bauen, die ihre Region brauchte.",
        ),
        [(2010, "student-cs", "Eupen Netz"), (2014, "helpdesk", "Eupen Netz")],
    ),
    (
        "Hanna Claes",
        "non_profit",
        "online-national",
        ["communication-collaboration", "safety"],
        ["women-55-74", "women-jobseekers"],
        (True, False, True),
        ["nl", "fr"],
        ["online safety"],
        Text(
            "Coordinator of a digital skills network",
            "Coordinatrice d'un réseau de compétences numériques",
            "Coördinator van een netwerk voor digitale vaardigheden",
            "Koordinatorin eines Netzwerks für digitale Kompetenzen",
        ),
        Text(
            "She coordinates volunteers who teach basic digital skills all over Belgium.",
            "Elle coordonne des bénévoles qui enseignent les compétences numériques de base partout en Belgique.",
            "Ze coördineert vrijwilligers die overal in België digitale basisvaardigheden aanleren.",
            "Sie koordiniert Freiwillige, die in ganz Belgien digitale Grundkenntnisse vermitteln.",
        ),
        Text(
            "Every person who learns to stay safe online makes the whole network safer.",
            "Chaque personne qui apprend à se protéger en ligne rend tout le réseau plus sûr.",
            "Elke persoon die leert veilig online te zijn, maakt het hele netwerk veiliger.",
            "Jeder Mensch, der lernt, sich online zu schützen, macht das ganze Netz sicherer.",
        ),
        Text(
            "Hanna was a journalist before she turned her interest in online scams into training programmes for seniors.",
            "Hanna était journaliste avant de transformer son intérêt pour les arnaques en ligne en formations pour les seniors.",
            "Hanna was journaliste voor ze haar interesse in onlinefraude omzette in opleidingen voor senioren.",
            "Hanna war Journalistin, bevor sie ihr Interesse an Online-Betrug in Schulungen für Seniorinnen und Senioren verwandelte.",
        ),
        [(2001, "journalist", "Kanaal Media"), (2017, "founder", "CodeKlas vzw")],
    ),
    (
        "Camille Martin",
        "software",
        "wallonia",
        ["programming-web", "data-ai"],
        ["students-choosing-studies", "career-changers"],
        (True, True, False),
        ["fr", "en"],
        ["python", "open source"],
        Text("Lead developer", "Développeuse principale", "Lead developer", "Leitende Entwicklerin"),
        Text(
            "She leads a team that builds open-source software for local authorities.",
            "Elle dirige une équipe qui développe des logiciels libres pour les pouvoirs locaux.",
            "Ze leidt een team dat opensourcesoftware bouwt voor lokale besturen.",
            "Sie leitet ein Team, das Open-Source-Software für Gemeinden entwickelt.",
        ),
        Text(
            "Open source let me learn from the best, for free.",
            "Le logiciel libre m'a permis d'apprendre des meilleurs, gratuitement.",
            "Dankzij open source kon ik gratis leren van de besten.",
            "Dank Open Source konnte ich kostenlos von den Besten lernen.",
        ),
        Text(
            "Camille studied history, then found her way into programming by contributing to open-source projects.",
            "Camille a étudié l'histoire, puis a trouvé sa voie dans la programmation en contribuant à des projets libres.",
            "Camille studeerde geschiedenis en vond haar weg naar programmeren door bij te dragen aan opensourceprojecten.",
            "Camille studierte Geschichte und fand über Beiträge zu Open-Source-Projekten zum Programmieren.",
        ),
        [(2013, "bootcamp", "CodeKlas vzw"), (2014, "junior-dev", "DataMeuse")],
    ),
    (
        "Yasmina Haddad",
        "finance",
        "brussels",
        ["data-ai", "digital-marketing"],
        ["women-foreign-origin", "entrepreneurs-managers"],
        (False, True, True),
        ["fr", "nl", "de", "en"],
        ["fintech", "responsible ai"],
        Text(
            "Head of artificial intelligence at a fintech",
            "Responsable de l'intelligence artificielle dans une fintech",
            "Hoofd artificiële intelligentie bij een fintech",
            "Leiterin für künstliche Intelligenz bei einem Fintech",
        ),
        Text(
            "She makes sure the algorithms that grant loans treat every customer fairly.",
            "Elle veille à ce que les algorithmes qui accordent des crédits traitent chaque client équitablement.",
            "Ze zorgt ervoor dat de algoritmes die leningen toekennen elke klant eerlijk behandelen.",
            "Sie sorgt dafür, dass die Algorithmen, die Kredite vergeben, alle Kundinnen und Kunden fair behandeln.",
        ),
        Text(
            "An algorithm learns our prejudices unless someone in the room asks the question.",
            "Un algorithme apprend nos préjugés si personne dans la pièce ne pose la question.",
            "Een algoritme leert onze vooroordelen, tenzij iemand in de kamer de vraag stelt.",
            "Ein Algorithmus lernt unsere Vorurteile, wenn niemand im Raum die Frage stellt.",
        ),
        Text(
            "Yasmina grew up in Schaerbeek, studied engineering and now speaks about fair artificial intelligence across Europe.",
            "Yasmina a grandi à Schaerbeek, a étudié l'ingénierie et parle aujourd'hui d'intelligence artificielle équitable dans toute l'Europe.",
            "Yasmina groeide op in Schaarbeek, studeerde ingenieurswetenschappen en spreekt nu in heel Europa over eerlijke artificiële intelligentie.",
            "Yasmina wuchs in Schaerbeek auf, studierte Ingenieurwesen und spricht heute in ganz Europa über faire künstliche Intelligenz.",
        ),
        [(2012, "analyst", "Lumen Bank"), (2019, "founder", "DataMeuse")],
    ),
    (
        "Katrien De Smet",
        "public",
        "flanders",
        ["information-data-literacy", "communication-collaboration"],
        ["employers-hr", "women-with-disability"],
        (True, False, False),
        ["nl", "en"],
        ["open data"],
        Text(
            "Open data manager", "Gestionnaire des données ouvertes", "Opendatamanager", "Open-Data-Managerin"
        ),
        Text(
            "She publishes the data of a city so that citizens and companies can reuse it.",
            "Elle publie les données d'une ville pour que les citoyens et les entreprises puissent les réutiliser.",
            "Ze publiceert de gegevens van een stad zodat burgers en bedrijven ze kunnen hergebruiken.",
            "Sie veröffentlicht die Daten einer Stadt, damit Bürgerinnen, Bürger und Unternehmen sie weiterverwenden können.",
        ),
        Text(
            "Good data is a public service too.",
            "Des données de qualité, c'est aussi un service public.",
            "Goede data zijn ook een openbare dienst.",
            "Gute Daten sind auch ein öffentlicher Dienst.",
        ),
        Text(
            "Katrien started at a city helpdesk and grew into the person who makes its data open and understandable.",
            "Katrien a commencé au helpdesk d'une ville et est devenue la personne qui rend ses données ouvertes et compréhensibles.",
            "Katrien begon aan de helpdesk van een stad en groeide uit tot de persoon die haar data open en begrijpelijk maakt.",
            "Katrien begann am Helpdesk einer Stadt und wurde zu der Person, die ihre Daten offen und verständlich macht.",
        ),
        [(2009, "helpdesk", "Hogeschool Digitaal"), (2016, "analyst", "Hogeschool Digitaal")],
    ),
]


def name_text(name):
    return Text(name, name, name, name)


def load(loader: DemoLoader):
    home = loader.locale_root("en")
    index = loader.page(
        home,
        TestimonialIndexPage,
        INDEX["slug"],
        show_in_menus=True,
        title=INDEX["title"],
        introduction=INDEX["introduction"],
    )
    loader.register(*ROLES.values(), *(name_text(org) for org in ORG_NAMES))
    areas = {term.slug: term for term in CompetenceArea.objects.filter(locale=loader.english)}
    groups = {term.slug: term for term in TargetGroup.objects.filter(locale=loader.english)}
    regions = {term.slug: term for term in Region.objects.filter(locale=loader.english)}
    for number, spec in enumerate(ROLE_MODELS):
        (
            name,
            sector,
            region,
            area_slugs,
            group_slugs,
            (mentoring, speaking, media),
            languages,
            tags,
            job,
            intro,
            quote,
            story,
            steps,
        ) = spec
        slug = name.lower().replace(" ", "-").replace("ö", "oe")
        loader.register(name_text(name), name_text(slug), portrait_alt(name), job, intro, quote, story)
        page = index.get_children().filter(slug=slug).first()
        if page is None:
            page = TestimonialPage(
                slug=slug,
                locale=loader.english,
                title=name,
                introduction=intro.en,
                job_title=job.en,
                pull_quote=quote.en,
                portrait=loader.image(
                    f"Portrait {name}", label="".join(part[0] for part in name.split()[:2]), size=(480, 480)
                ),
                portrait_alt_text=portrait_alt(name).en,
                sector=sector,
                region=regions[region],
                story=[("paragraph", paragraphs(story))],
                consent_date=datetime.date(2024, 1 + number % 12, 10),
                open_to_mentoring=mentoring,
                open_to_speaking=speaking,
                open_to_media=media,
                languages=languages,
                contact_email=f"{slug}@example.org",
                show_in_menus=False,
            )
            page.competence_areas = [areas[s] for s in area_slugs]
            page.target_groups = [groups[s] for s in group_slugs]
            page.career_steps = [
                TestimonialPageCareerStep(year=year, role=ROLES[role].en, organisation=org, sort_order=order)
                for order, (year, role, org) in enumerate(steps)
            ]
            page.expertise_tags.add(*tags)
            index.add_child(instance=page)
            page.save_revision().publish()
            loader.created += 1
        loader.translate(page.specific)
