"""The public page types the browser tests visit, with a path in each language from the demo content."""

LANGUAGES = ("en", "fr", "nl", "de")

# Page type -> path in each language (from the demo content). Values starting with "@" are resolved at run time.
PAGES = {
    "home": {"en": "/en/", "fr": "/fr/", "nl": "/nl/", "de": "/de/"},
    "standard page": {
        "en": "/en/about/",
        "fr": "/fr/a-propos/",
        "nl": "/nl/toegankelijkheid/",
        "de": "/de/datenschutz/",
    },
    "untranslated page notice": {"fr": "/fr/?untranslated=1"},
    "key figures": {
        "en": "/en/key-figures/",
        "fr": "/fr/chiffres-cles/",
        "nl": "/nl/kerncijfers/",
        "de": "/de/kennzahlen/",
    },
    "charter, filtered": {
        "en": "/en/charter/?sector=public",
        "fr": "/fr/charte/?region=brussels",
        "nl": "/nl/charter/",
        "de": "/de/charta/?sector=public&region=ostbelgien",
    },
    "charter signature form": {
        "en": "/en/charter/sign/",
        "fr": "/fr/charte/sign/",
        "nl": "/nl/charter/sign/",
        "de": "/de/charta/sign/",
    },
    "charter signature form with errors": {
        "en": "/en/charter/sign/",
        "fr": "/fr/charte/sign/",
        "nl": "/nl/charter/sign/",
        "de": "/de/charta/sign/",
    },
    "role models, filtered": {
        "en": "/en/role-models/?region=brussels",
        "fr": "/fr/modeles/?region=brussels",
        "nl": "/nl/rolmodellen/?region=brussels",
        "de": "/de/vorbilder/?region=brussels",
    },
    "role model": {
        "en": "/en/role-models/amina-el-idrissi/",
        "fr": "/fr/modeles/claire-dubois/",
        "nl": "/nl/rolmodellen/sofie-vermeulen/",
        "de": "/de/vorbilder/amina-el-idrissi/",
    },
    "expert directory, searched": {
        "en": "/en/role-models/experts/?q=data",
        "fr": "/fr/modeles/experts/?q=data",
        "nl": "/nl/rolmodellen/experts/?q=data",
        "de": "/de/vorbilder/experts/?q=data",
    },
    "contact page": {
        "en": "/en/contact/",
        "fr": "/fr/contact/?topic=accessibility",
        "nl": "/nl/contact/",
        "de": "/de/kontakt/",
    },
    # One post per language, within the contact form's limit of five an hour per address.
    "contact page form with errors": {
        "en": "/en/contact/",
        "fr": "/fr/contact/",
        "nl": "/nl/contact/",
        "de": "/de/kontakt/",
    },
    "accessibility statement": {
        "en": "/en/accessibility/",
        "fr": "/fr/accessibilite/",
        "de": "/de/barrierefreiheit/",
    },
    "privacy notice": {"en": "/en/privacy/", "fr": "/fr/vie-privee/", "nl": "/nl/privacy/"},
    "expert contact form": dict.fromkeys(LANGUAGES, "@contact"),
    "expert contact form with errors": dict.fromkeys(LANGUAGES, "@contact"),
    "expert sign-up form": {
        "en": "/en/role-models/experts/join/",
        "fr": "/fr/modeles/experts/join/",
        "nl": "/nl/rolmodellen/experts/join/",
        "de": "/de/vorbilder/experts/join/",
    },
    "expert sign-up form with errors": {
        "en": "/en/role-models/experts/join/",
        "fr": "/fr/modeles/experts/join/",
        "nl": "/nl/rolmodellen/experts/join/",
        "de": "/de/vorbilder/experts/join/",
    },
    "training catalogue, two filters": {
        "en": "/en/trainings/?format=on-site&level=basic",
        "fr": "/fr/formations/?format=on-site&level=basic",
        "nl": "/nl/opleidingen/?region=brussels&level=basic",
        "de": "/de/schulungen/?format=online&free=1",
    },
    "training": {
        "en": "/en/trainings/web-developer-bootcamp-becode-brussels/",
        "fr": "/fr/formations/formation-intensive-de-developpeuse-web-becode-liege/",
        "nl": "/nl/opleidingen/bootcamp-webontwikkelaar-becode-gent/",
        "de": "/de/schulungen/bootcamp-webentwicklung-becode-brussel/",
    },
    "initiatives": {
        "en": "/en/initiatives/",
        "fr": "/fr/initiatives/",
        "nl": "/nl/initiatieven/",
        "de": "/de/initiativen/",
    },
    "initiative": {
        "en": "/en/initiatives/becode-bootcamps/",
        "fr": "/fr/initiatives/lecole-de-code-molengeek/",
        "nl": "/nl/initiatieven/digitaal-opleidingsaanbod-voor-werkzoekenden-in-brussel/",
        "de": "/de/initiativen/die-bootcamps-von-becode/",
    },
    "organisation section": {
        "en": "/en/trainings/organisations/becode/",
        "fr": "/fr/formations/organisations/becode/",
        "nl": "/nl/opleidingen/organisations/becode/",
        "de": "/de/schulungen/organisations/becode/",
    },
    "upcoming events, filtered": {
        "en": "/en/events/?kind=panel",
        "fr": "/fr/evenements/?kind=workshop",
        "nl": "/nl/evenementen/?kind=panel",
        "de": "/de/veranstaltungen/?kind=job_day",
    },
    "past events, filtered": {
        "en": "/en/events/?when=past&kind=job_day",
        "fr": "/fr/evenements/?when=past&kind=panel",
        "nl": "/nl/evenementen/?when=past&kind=webinar",
        "de": "/de/veranstaltungen/?when=past&kind=job_day",
    },
    "event: job day": {
        "en": "/en/events/girls-and-women-in-digital-job-day/",
        "fr": "/fr/evenements/job-day-liege/",
        "nl": "/nl/evenementen/jobdag-meisjes-en-vrouwen-in-digitaal/",
        "de": "/de/veranstaltungen/jobtag-luettich/",
    },
    "event: panel": {
        "en": "/en/events/women-in-ai-who-builds-the-algorithms/",
        "fr": "/fr/evenements/femmes-et-ia-qui-construit-les-algorithmes/",
        "nl": "/nl/evenementen/debat-loopbanen-in-cyberbeveiliging/",
        "de": "/de/veranstaltungen/vom-studium-zum-ersten-techjob/",
    },
    "event submission form": {
        "en": "/en/events/submit/",
        "fr": "/fr/evenements/submit/",
        "nl": "/nl/evenementen/submit/",
        "de": "/de/veranstaltungen/submit/",
    },
    # French is checked by the event submission journey (test_journeys.py): the form allows five posts an hour.
    "event submission form with errors": {
        "en": "/en/events/submit/",
        "nl": "/nl/evenementen/submit/",
        "de": "/de/veranstaltungen/submit/",
    },
    "search with results": {
        "en": "/en/search/?q=women",
        "fr": "/fr/search/?q=femmes",
        "nl": "/nl/search/?q=vrouwen",
        "de": "/de/search/?q=frauen",
    },
    "search without results": {
        "en": "/en/search/?q=zzzzqx",
        "fr": "/fr/search/?q=zzzzqx",
        "nl": "/nl/search/?q=zzzzqx",
        "de": "/de/search/?q=zzzzqx",
    },
    "empty search": {"de": "/de/search/"},
    "404": {
        "en": "/en/no-such-page/",
        "fr": "/fr/introuvable/",
        "nl": "/nl/bestaat-niet/",
        "de": "/de/gibt-es-nicht/",
    },
}

DIRECTORIES = {
    "en": "/en/role-models/experts/",
    "fr": "/fr/modeles/experts/",
    "nl": "/nl/rolmodellen/experts/",
    "de": "/de/vorbilder/experts/",
}

# (language, page type) for every page type and language it has a path in.
CASES = [(lang, kind) for kind, paths in PAGES.items() for lang in LANGUAGES if lang in paths]
