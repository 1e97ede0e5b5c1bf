"""Hand-written word lists shared by every extraction step (no models, no downloads).

Everything is lower case; callers lower-case the word they look up.
"""
import re
from functools import lru_cache
from importlib import resources

# Verbs that report speech or writing, by lemma. Every inflected form a newsroom uses is
# listed rather than stemmed, so "says"/"said"/"saying" are plain set look-ups.
CUE_LEMMAS = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "add": ("add", "adds", "added", "adding"),
    "explain": ("explain", "explains", "explained", "explaining"),
    "insist": ("insist", "insists", "insisted", "insisting"),
    "argue": ("argue", "argues", "argued", "arguing"),
    "write": ("write", "writes", "wrote", "written", "writing"),
    "claim": ("claim", "claims", "claimed", "claiming"),
    "state": ("state", "states", "stated", "stating"),
    "declare": ("declare", "declares", "declared", "declaring"),
    "announce": ("announce", "announces", "announced", "announcing"),
    "warn": ("warn", "warns", "warned", "warning"),
    "note": ("note", "notes", "noted", "noting"),
    "ask": ("ask", "asks", "asked", "asking"),
    "reply": ("reply", "replies", "replied", "replying"),
    "respond": ("respond", "responds", "responded", "responding"),
    "answer": ("answer", "answers", "answered", "answering"),
    "continue": ("continue", "continues", "continued", "continuing"),
    "recall": ("recall", "recalls", "recalled", "recalling"),
    "remark": ("remark", "remarks", "remarked", "remarking"),
    "comment": ("comment", "comments", "commented", "commenting"),
    "acknowledge": ("acknowledge", "acknowledges", "acknowledged", "acknowledging"),
    "admit": ("admit", "admits", "admitted", "admitting"),
    "concede": ("concede", "concedes", "conceded", "conceding"),
    "contend": ("contend", "contends", "contended", "contending"),
    "assert": ("assert", "asserts", "asserted", "asserting"),
    "maintain": ("maintain", "maintains", "maintained", "maintaining"),
    "suggest": ("suggest", "suggests", "suggested", "suggesting"),
    "predict": ("predict", "predicts", "predicted", "predicting"),
    "promise": ("promise", "promises", "promised", "promising"),
    "vow": ("vow", "vows", "vowed", "vowing"),
    "pledge": ("pledge", "pledges", "pledged", "pledging"),
    "urge": ("urge", "urges", "urged", "urging"),
    "tweet": ("tweet", "tweets", "tweeted", "tweeting"),
    "post": ("post", "posts", "posted", "posting"),
    "report": ("report", "reports", "reported", "reporting"),
    "reveal": ("reveal", "reveals", "revealed", "revealing"),
    "confirm": ("confirm", "confirms", "confirmed", "confirming"),
    "deny": ("deny", "denies", "denied", "denying"),
    "describe": ("describe", "describes", "described", "describing"),
    "call": ("call", "calls", "called", "calling"),
    # Naming verbs read as "call" is (`branded North Korea an "outlaw nation"`), in the forms
    # that are no nouns ("brand names", "the labels").
    "brand": ("branded",),
    "label": ("labeled", "labelled"),
    "dub": ("dubbed",),
    "liken": ("liken", "likens", "likened", "likening"),
    "quip": ("quip", "quips", "quipped", "quipping"),
    "joke": ("joke", "jokes", "joked", "joking"),
    "shout": ("shout", "shouts", "shouted", "shouting"),
    "yell": ("yell", "yells", "yelled", "yelling"),
    "cry": ("cry", "cries", "cried", "crying"),
    "exclaim": ("exclaim", "exclaims", "exclaimed", "exclaiming"),
    "complain": ("complain", "complains", "complained", "complaining"),
    "boast": ("boast", "boasts", "boasted", "boasting"),
    "brag": ("brag", "brags", "bragged", "bragging"),
    "charge": ("charge", "charges", "charged", "charging"),
    "allege": ("allege", "alleges", "alleged", "alleging"),
    "observe": ("observe", "observes", "observed", "observing"),
    "point": ("point", "points", "pointed", "pointing"),
    "stress": ("stress", "stresses", "stressed", "stressing"),
    "emphasize": ("emphasize", "emphasizes", "emphasized", "emphasizing",
                  "emphasise", "emphasises", "emphasised", "emphasising"),
    "repeat": ("repeat", "repeats", "repeated", "repeating"),
    "mention": ("mention", "mentions", "mentioned", "mentioning"),
    "recount": ("recount", "recounts", "recounted", "recounting"),
    "testify": ("testify", "testifies", "testified", "testifying"),
    "conclude": ("conclude", "concludes", "concluded", "concluding"),
    "counter": ("counter", "counters", "countered", "countering"),
    "retort": ("retort", "retorts", "retorted", "retorting"),
    "scoff": ("scoff", "scoffs", "scoffed", "scoffing"),
    "chant": ("chant", "chants", "chanted", "chanting"),
    "read": ("read", "reads"),
    "whisper": ("whisper", "whispers", "whispered", "whispering"),
    "agree": ("agree", "agrees", "agreed", "agreeing"),
    "believe": ("believe", "believes", "believed", "believing"),
    "think": ("think", "thinks", "thought", "thinking"),
    "hope": ("hope", "hopes", "hoped", "hoping"),
    "fear": ("fear", "fears", "feared", "fearing"),
    "caution": ("caution", "cautions", "cautioned", "cautioning"),
    "estimate": ("estimate", "estimates", "estimated", "estimating"),
    "tout": ("tout", "touts", "touted", "touting"),
    "criticize": ("criticize", "criticizes", "criticized", "criticizing",
                  "criticise", "criticises", "criticised", "criticising"),
    "demand": ("demand", "demands", "demanded", "demanding"),
    "recommend": ("recommend", "recommends", "recommended", "recommending"),
    "propose": ("propose", "proposes", "proposed", "proposing"),
    "mock": ("mock", "mocks", "mocked", "mocking"),
    "opine": ("opine", "opines", "opined", "opining"),
    "sing": ("sing", "sings", "sang", "singing"),
    "interject": ("interject", "interjects", "interjected", "interjecting"),
    "grouse": ("grouse", "grouses", "groused", "grousing"),
    "scold": ("scold", "scolds", "scolded", "scolding"),
    "lament": ("lament", "laments", "lamented", "lamenting"),
    "muse": ("muse", "muses", "mused", "musing"),
    "snap": ("snap", "snaps", "snapped", "snapping"),
    "gush": ("gush", "gushes", "gushed", "gushing"),
    "mutter": ("mutter", "mutters", "muttered", "muttering"),
    "plead": ("plead", "pleads", "pleaded", "pleading"),
    "proclaim": ("proclaim", "proclaims", "proclaimed", "proclaiming"),
    "sigh": ("sigh", "sighs", "sighed", "sighing"),
    "quote": ("quoted", "quoting"),
    # Rarer cue verbs, several of which also read as nouns ("a question", "the reason"):
    # their past tense only, the form that follows a quote.
    "fume": ("fumed",),
    "question": ("questioned",),
    "wonder": ("wondered",),
    "blast": ("blasted",),
    "rage": ("raged",),
    "rail": ("railed",),
    "chide": ("chided",),
    "bristle": ("bristled",),
    "marvel": ("marveled",),
    "gripe": ("griped",),
    "crow": ("crowed",),
    "vent": ("vented",),
    "implore": ("implored",),
    "beg": ("begged",),
    "reason": ("reasoned",),
    "speculate": ("speculated",),
    "hint": ("hinted",),
    "object": ("objected",),
    "protest": ("protested",),
    "reiterate": ("reiterated",),
    "elaborate": ("elaborated",),
    "clarify": ("clarified",),
    "advise": ("advised",),
    "assure": ("assured",),
    "reassure": ("reassured",),
    "confide": ("confided",),
    "affirm": ("affirmed",),
    "disclose": ("disclosed",),
    "thunder": ("thundered",),
    "bellow": ("bellowed",),
    "scream": ("screamed",),
    "roar": ("roared",),
    "hiss": ("hissed",),
    "murmur": ("murmured",),
    "email": ("emailed",),
    "text": ("texted",),
    "rebut": ("rebutted",),
    "retaliate": ("retaliated",),
    "declaim": ("declaimed",),
    "inquire": ("inquired",),
    "query": ("queried",),
    "recite": ("recited",),
    "react": ("reacted",),
    "bark": ("barked",),
    "exhort": ("exhorted",),
    "confess": ("confessed",),
    "go on": ("went on", "goes on"),
    "shoot back": ("shot back",),
    "fire back": ("fired back",),
}
# Form -> lemma, for every cue verb form above.
CUE_FORMS = {form: lemma for lemma, forms in CUE_LEMMAS.items() for form in forms}

# Verbs of cognition, attitude and reporting that introduce a reported clause but are not
# speech cues for direct quotation. Inflected forms are listed, as in lexicon.py.
REPORTING_LEMMAS = {
    "expect": ("expect", "expects", "expected"),
    "doubt": ("doubt", "doubts", "doubted"),
    "worry": ("worry", "worries", "worried"),
    "suspect": ("suspects", "suspected"),
    "endorse": ("endorse", "endorses", "endorsed", "endorsing"),
    "accuse": ("accuse", "accuses", "accused", "accusing"),
    "reject": ("reject", "rejects", "rejected", "rejecting"),
    "question": ("questioned", "questioning"),
    "defend": ("defend", "defends", "defended", "defending"),
    "praise": ("praise", "praises", "praised", "praising"),
    "cite": ("cite", "cites", "cited", "citing"),
    "dismiss": ("dismiss", "dismisses", "dismissed", "dismissing"),
    "blame": ("blame", "blames", "blamed", "blaming"),
    "indicate": ("indicate", "indicates", "indicated", "indicating"),
    "signal": ("signaled", "signalled", "signaling", "signalling"),
    "assure": ("assure", "assures", "assured", "assuring"),
    "remind": ("remind", "reminds", "reminded", "reminding"),
    "inform": ("inform", "informs", "informed", "informing"),
    "forecast": ("forecasts", "forecast", "forecasted"),
    "show": ("show", "shows", "showed", "shown", "showing"),
    "find": ("find", "finds", "found"),
    "threaten": ("threaten", "threatens", "threatened", "threatening"),
    "decry": ("decry", "decries", "decried", "decrying"),
    "denounce": ("denounce", "denounces", "denounced", "denouncing"),
    "condemn": ("condemn", "condemns", "condemned", "condemning"),
    "attack": ("attacked",),
    "imply": ("imply", "implies", "implied", "implying"),
    "hint": ("hint", "hints", "hinted", "hinting"),
    "speculate": ("speculate", "speculates", "speculated", "speculating"),
    "reiterate": ("reiterate", "reiterates", "reiterated", "reiterating"),
    "disclose": ("disclose", "discloses", "disclosed", "disclosing"),
    "discover": ("discovered",),
    "learn": ("learned", "learnt"),
    "realize": ("realize", "realizes", "realized", "realise", "realises", "realised"),
    "understand": ("understands",),
    "recognize": ("recognize", "recognizes", "recognized", "recognise", "recognises", "recognised"),
    "assume": ("assume", "assumes", "assumed"),
    "guess": ("guess", "guessed"),
    "wonder": ("wonder", "wonders", "wondered", "wondering"),
    "dispute": ("disputes", "disputed", "disputing"),
    "refute": ("refute", "refutes", "refuted"),
    "concur": ("concur", "concurs", "concurred"),
    "decide": ("decided",),
    "refuse": ("refused", "refuses"),
    "decline": ("declined", "declines"),
    "seek": ("sought", "seeks", "seeking"),
    "want": ("wants", "wanted"),
    "plan": ("plans", "planned"),
    "intend": ("intend", "intends", "intended"),
    "support": ("supports", "supported", "supporting"),
    "oppose": ("oppose", "opposes", "opposed", "opposing"),
    "back": ("backed", "backing"),
    "express": ("expressed", "expresses", "expressing"),
    "offer": ("offered", "offers"),
    "see": ("sees", "saw"),
    "know": ("knows", "knew"),
    "feel": ("feels", "felt"),
    "view": ("views", "viewed"),
    "consider": ("considers", "considered"),
    "discuss": ("discussed", "discusses", "discussing"),
    "blast": ("blasted", "blasts", "blasting"),
    "slam": ("slammed", "slams", "slamming"),
    "highlight": ("highlighted", "highlights", "highlighting"),
    "push": ("pushed",),
    "advocate": ("advocated", "advocates", "advocating"),
    "favor": ("favors", "favored", "favours", "favoured"),
    "prefer": ("prefers", "preferred"),
    "welcome": ("welcomed", "welcomes"),
    "applaud": ("applauded", "applauds"),
    "hail": ("hailed", "hails"),
    "lambast": ("lambasted", "lambastes"),
    "challenge": ("challenged", "challenges"),
    "confess": ("confessed", "confesses"),
    "apologize": ("apologized", "apologised", "apologizes"),
    "thank": ("thanked", "thanks"),
    "anticipate": ("anticipates", "anticipated"),
    "determine": ("determined",),
    "rule": ("ruled",),
    "protest": ("protested",),
    "object": ("objected",),
    "disagree": ("disagreed", "disagrees"),
    "downplay": ("downplayed", "downplays", "downplaying"),
    "name": ("named",),
    "order": ("ordered",),
    "refer": ("referring", "referred", "refers"),
    "talk": ("talking", "talked", "talks"),
    "speak": ("spoke", "speaks", "speaking"),
    "echo": ("echoed", "echoes", "echoing"),
    "voice": ("voiced",),  # "voiced concern that ...", "voiced his \"frustration\""
    "quote": ("quotes",),  # CUE_LEMMAS has the other forms
}
EXTRA_CUE_FORMS = {form: lemma for lemma, forms in REPORTING_LEMMAS.items() for form in forms}

# What kind of attribution a cue makes, by lemma: a reader asking "what did she say" leaves
# out what she wants. A lemma not listed here is speech.
THOUGHT_LEMMAS = frozenset((
    "believe", "think", "hope", "fear", "expect", "doubt", "worry", "suspect", "realize",
    "understand", "recognize", "assume", "guess", "wonder", "want", "plan", "intend", "seek",
    "decide", "feel", "know", "see", "view", "consider", "prefer", "favor", "anticipate", "learn",
    "discover", "determine", "support", "oppose", "back", "endorse", "estimate",
))
EVIDENCE_LEMMAS = frozenset(("show", "find", "indicate", "forecast"))
# Verbs of seeming: "the plan seemed to lack transparency" is the writer's impression of its
# subject, who says nothing (PolNeAR annotates 252 of them in train, 200 without a source).
SEEMING_VERBS = frozenset(("seem", "seems", "seemed", "seeming", "appear", "appears", "appeared", "appearing"))
# Heads of what is evidence rather than someone: "a poll shows", "according to court documents".
EVIDENCE_NOUNS = frozenset((
    "poll", "polls", "survey", "surveys", "study", "studies", "report", "reports", "data", "document",
    "documents", "records", "record", "figures", "analysis", "research", "statistics", "census",
    "filing", "filings", "lawsuit", "suit", "complaint", "findings", "numbers", "estimates", "review",
    "audit", "investigation", "evidence", "test", "tests", "results", "model", "projections",
))

# Cue forms that, in the past tense or present, can introduce a quotation by themselves
# ("X said:", "said X"). Narrower than CUE_FORMS: "called" or "posted" rarely invert.
INVERTING_CUES = frozenset(
    form for lemma in ("say", "tell", "add", "explain", "write", "ask", "reply", "continue",
                       "insist", "argue", "declare", "warn", "note", "recall", "remark",
                       "respond", "answer", "claim", "state", "announce", "tweet", "quip",
                       "joke", "shout", "exclaim", "conclude", "counter", "retort", "observe",
                       "concede", "admit", "acknowledge", "stress", "urge", "interject",
                       "mock", "opine", "muse", "lament", "snap", "sigh", "proclaim", "gush", "report")
    for form in CUE_LEMMAS[lemma] if not form.endswith("ing")
)



# Personal pronouns that can be the subject of a cue, with (gender, number).
PRONOUNS = {
    "he": ("m", "sg"), "him": ("m", "sg"), "his": ("m", "sg"),
    "she": ("f", "sg"), "her": ("f", "sg"),
    "they": (None, "pl"), "them": (None, "pl"), "their": (None, "pl"),
    "it": ("n", "sg"), "its": ("n", "sg"),
    "i": (None, "sg"), "we": (None, "pl"), "you": (None, None),
}
SUBJECT_PRONOUNS = frozenset(("he", "she", "they", "it", "i", "we"))
OBJECT_PRONOUNS = frozenset(("me", "us", "him", "her", "them", "you"))

# Titles, honorifics and role words that precede a name and are not part of it for matching
# within an article, each with (of_names, gender). of_names: a title of the person ("Sen.",
# "Mayor", "Mrs."), which the stored name drops to compare spellings across articles and keeps
# as the speaker's role; the other words ("former", "House", "spokesman") describe and stay in
# the role phrase. gender: the one a title fixes when it introduces a name ("f", "m"), or None.
TITLE_PROPERTIES = {
    **dict.fromkeys(("mr", "sir", "lord", "king", "prince"), (True, "m")),
    **dict.fromkeys(("mrs", "ms", "miss", "dame", "lady", "queen", "princess"), (True, "f")),
    **dict.fromkeys((
        "dr", "prof", "professor", "sen", "senator", "rep", "gov", "governor", "gen",
        "general", "president", "vice", "prime", "minister", "secretary", "chancellor",
        "mayor", "judge", "rev", "pope", "col", "colonel", "capt", "captain", "ambassador",
        "chief", "premier"
    ), (True, None)),
    **dict.fromkeys(("father", "chairman", "spokesman", "businessman"), (False, "m")),
    **dict.fromkeys(("chairwoman", "spokeswoman", "businesswoman"), (False, "f")),
    **dict.fromkeys((
        "representative", "justice", "reverend", "lt", "lieutenant", "sgt", "sergeant",
        "adm", "admiral", "cmdr", "commander", "chair", "speaker", "leader", "attorney",
        "sheriff", "director", "officer", "spokesperson", "candidate", "nominee", "state",
        "former", "then", "gop", "democratic", "republican", "democrat", "independent",
        "libertarian", "u.s.", "us", "house", "senate", "majority", "minority", "deputy",
        "assistant", "acting", "foreign", "defense", "defence", "press", "ceo", "founder",
        "analyst", "billionaire", "host", "anchor", "commentator", "strategist", "pollster",
        "adviser", "advisor", "aide", "dictator", "opposition", "rival", "challenger",
        "incumbent", "mogul", "star", "first", "supreme", "court", "presidential",
        "running", "mate", "councillor", "councilor", "alderman", "alderwoman", "mp", "mpp",
        "mla", "coun", "cllr", "ald", "cpl", "corporal", "const", "cst", "constable", "det",
        "detective", "insp", "maj", "pte",
        "inspector", "supt", "superintendent", "staff", "hon", "honourable", "honorable",
        "coach", "manager", "editor", "reporter", "correspondent", "columnist", "producer",
        "economist", "historian", "researcher", "scientist", "activist", "comedian",
    ), (False, None)),
}
TITLES = frozenset(TITLE_PROPERTIES)
# Courtesy titles go before a surname, whatever word it is: "Mr. King", "Dr. Judge".
COURTESY_TITLES = frozenset(("mr", "mrs", "ms", "miss", "mx", "dr"))
NAME_TITLES = frozenset(word for word, (of_names, _) in TITLE_PROPERTIES.items() if of_names)
FEMALE_HONORIFICS = frozenset(word for word, (_, gender) in TITLE_PROPERTIES.items() if gender == "f")
MALE_HONORIFICS = frozenset(word for word, (_, gender) in TITLE_PROPERTIES.items() if gender == "m")

# Words that mark a capitalised phrase as an organisation rather than a person.
ORGANISATION_WORDS = frozenset((
    "institute", "university", "college", "party", "committee", "council", "commission",
    "ministry", "department", "office", "agency", "administration", "government", "kremlin",
    "white", "pentagon", "congress", "parliament", "senate", "house", "court", "union",
    "association", "foundation", "center", "centre", "group", "campaign", "company", "corp",
    "corporation", "inc", "ltd", "bank", "fund", "times", "post", "journal", "news", "press",
    "network", "reuters", "afp", "ap", "bbc", "cnn", "msnbc", "fox", "nbc", "abc", "cbs",
    "npr", "politico", "tribune", "herald", "daily", "gazette", "magazine", "review",
    "telegraph", "guardian", "express", "observer", "club", "league", "federation", "board",
    "bureau", "service", "police", "army", "navy", "force", "forces", "embassy",
    "organization", "organisation", "coalition", "alliance", "movement", "tank",
    "pac", "fbi", "cia", "nato", "un", "eu", "who", "gop", "dnc", "rnc", "poll",
    "survey", "study", "report", "statement", "spokesperson", "team", "staff", "firm",
    "diocese", "archdiocese", "school", "hospital", "authority", "society", "chamber", "tribunal",
    "academy", "museum", "clinic", "mail", "centers", "centres", "services", "academies", "institutes",
))

# Common nouns that, after "the", describe an organisation that can speak ("the newspaper").
ORGANISATION_NOUNS = frozenset((
    "newspaper", "paper", "daily", "magazine", "outlet", "agency", "ministry", "department",
    "government", "administration", "campaign", "committee", "company", "firm", "group",
    "institute", "think tank", "report", "study", "poll", "survey", "organization",
    "organisation", "party", "white house", "kremlin", "court", "network", "channel",
    "website", "site", "publication", "statement", "council", "commission", "office",
    "embassy", "foundation", "union", "coalition", "center", "centre",
    "team", "club", "league", "authority", "board", "police", "force", "service", "school",
    "hospital", "university", "association", "federation", "diocese", "church", "bank",
    "corporation", "utility", "province", "city", "state", "country", "nation",
))

# The sort of body a description's head noun or a word of an organisation's name says it is:
# "the campaign" stands for no "White House", "the poll" for no "Republican Party", "the city"
# for no "Justice Department". A word of none of these sorts ("group" aside) says nothing.
ORGANISATION_SORTS = {
    **dict.fromkeys((
        "department", "ministry", "agency", "administration", "government", "office", "court",
        "commission", "authority", "police", "embassy", "house", "senate", "congress",
        "parliament", "pentagon", "kremlin", "bureau", "army", "navy", "military", "tribunal",
        "cabinet", "fbi", "cia", "rcmp", "nsa", "doj", "irs",
    ), "government"),
    **dict.fromkeys((
        "newspaper", "paper", "daily", "magazine", "outlet", "network", "channel", "website",
        "publication", "broadcaster", "times", "post", "journal", "news", "press", "herald",
        "gazette", "tribune", "telegraph", "reuters", "afp", "ap", "bbc", "cnn", "msnbc", "fox",
        "nbc", "abc", "cbs", "npr", "cbc", "ctv", "politico",
    ), "media"),
    **dict.fromkeys(("party", "campaign", "caucus", "pac", "gop", "dnc", "rnc"), "political"),
    **dict.fromkeys(("report", "study", "poll", "survey"), "study"),
    **dict.fromkeys(("company", "firm", "corporation", "corp", "inc", "ltd", "bank", "utility"), "business"),
    **dict.fromkeys(("group", "organization", "organisation", "coalition", "association",
                     "foundation", "institute", "center", "centre", "federation", "fund"), "civil"),
    **dict.fromkeys(("province", "city", "state", "country", "nation", "town", "county"), "place"),
}

# The words that close an outlet's name ("The Washington Post", "Chicago Tribune"), by which an
# article names it again alone: "the Post said" after "The Washington Post". After a place they
# name an outlet even when they are no organisation word ("Toronto Star", "Ottawa Citizen").
MASTHEAD_WORDS = frozenset((
    "times", "post", "journal", "herald", "gazette", "tribune", "telegraph", "news", "press", "daily",
    "star", "mail", "globe", "citizen", "spectator", "chronicle",
))

# Head nouns of descriptions that stand for a person ("the opposition leader").
PERSON_NOUNS = frozenset((
    "leader", "president", "minister", "senator", "governor", "candidate", "nominee",
    "spokesman", "spokeswoman", "spokesperson", "official", "officials", "man", "woman",
    "businessman", "businesswoman", "billionaire", "mogul", "chairman", "chairwoman",
    "secretary", "ambassador", "director", "chief", "executive", "analyst", "expert",
    "adviser", "advisor", "aide", "strategist", "pollster", "lawmaker", "congressman",
    "congresswoman", "politician", "mayor", "judge", "lawyer", "attorney", "source",
    "sources", "activist", "dictator", "general", "commander", "host", "author", "writer",
    "professor", "economist", "founder", "ceo", "democrat", "republican", "voter", "voters",
    "father", "mother", "wife", "husband", "son", "daughter", "veteran", "officer", "head",
    "representative", "rep", "sen", "speaker", "king", "queen", "prince", "chancellor",
    "manager", "chair", "member", "members", "resident", "residents", "supporter",
    "supporters", "critic", "critics", "opponent", "rival", "challenger", "incumbent",
    "star", "actor", "actress", "singer", "anchor", "commentator", "journalist", "reporter",
    "editor", "columnist", "scientist", "researcher", "doctor", "teacher", "student",
    "witness", "victim", "neighbor", "neighbour", "friend", "colleague",
    "spokesmen", "people", "observers", "analysts", "experts", "diplomat", "diplomats",
    "surrogate", "surrogates", "operative", "consultant", "historian",
    "defenceman", "defenseman", "forward", "goalie", "goaltender", "wing", "winger", "coach",
    "player", "pitcher", "quarterback", "striker", "captain", "commissioner", "premier",
    "councillor", "councilor", "mp", "mla", "mpp", "conservative", "liberal", "prosecutor",
    "detective", "constable", "paramedic", "nurse", "physician", "surgeon", "chef", "owner",
    "worker", "employee", "mom", "dad", "grandmother", "grandfather", "brother",
    "sister", "boy", "girl", "teenager", "teen", "child", "pope", "pontiff", "monarch",
    # The learned model reads this list as a feature: a word added here changes what it finds
    # until it is retrained (`tracker train`).
    "professional", "organizer", "organiser",
))

FEMALE_NOUNS = frozenset(("woman", "businesswoman", "chairwoman", "spokeswoman", "congresswoman",
                          "mother", "wife", "daughter", "queen", "actress", "sister", "girl"))
MALE_NOUNS = frozenset(("man", "businessman", "chairman", "spokesman", "congressman", "father",
                        "husband", "son", "king", "prince", "brother", "boy"))

# Days and months that make a date mention after a cue ("on Monday", "on Nov. 3").
PARTS_OF_DAY = ("morning", "afternoon", "evening", "night")
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december",
          "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sept.", "sep.", "oct.",
          "nov.", "dec.")

# Month names and abbreviations with their numbers, for reading dates ("Nov. 3").
MONTH_NUMBERS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
# "next week" in an attribution is about what was promised, not when it was said.
FUTURE = ("next", "later this")
# Relative expressions, by how many days before publication they point.
DAYS_BACK = {
    "today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
    "earlier today": 0, "yesterday": 1, "last night": 1, "the day before": 1,
}

# Abbreviations that stand before or after a name ("Sen.", "Jr.", "Mt."): a subject's words.
NAME_ABBREVIATIONS = ("mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "capt", "sgt",
                      "adm", "rev", "prof", "st", "jr", "sr", "ft", "mt", "pres", "supt", "sec",
                      "atty", "amb",
                      # Canadian and British council and police ranks: "Coun. Mike Layton",
                      # "Const. Jane Doucet", "Insp. Joanne Hilton", "Cllr. Ann Lee".
                      "coun", "cllr", "ald", "const", "cst", "cpl", "det", "insp", "cmdr", "maj",
                      "pte", "hon")
# Abbreviations that end with a period without ending the sentence (Punkt parameters).
ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "sen", "rep", "gov", "gen", "lt",
    "col", "capt", "sgt", "adm", "cmdr", "rev", "hon", "pres", "supt", "det", "insp",
    "coun", "cllr", "ald", "const", "cst", "cpl", "maj", "pte", "atty", "amb",
    "u.s", "u.k", "u.n", "e.u", "d.c", "u.s.a", "a.m", "p.m", "e.g", "i.e", "etc", "vs",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "inc", "corp", "co", "ltd", "llc", "no", "nos", "vol", "ft", "mt", "ave", "blvd",
    "calif", "fla", "ill", "mass", "mich", "minn", "penn", "tenn", "tex", "va", "wash",
    "wis", "ariz", "colo", "conn", "del", "ga", "ind", "kan", "ky", "la", "md", "miss",
    "mo", "mont", "neb", "nev", "okla", "ore", "pa", "wyo", "n.y", "n.j", "n.c", "s.c",
    "n.h", "n.m", "n.d", "s.d", "r.i", "w.va", "approx", "dept", "est", "fig", "gov't",
))

# Given names common in news, for the gender a pronoun needs; a name missing here is
# compatible with either pronoun.
FEMALE_GIVEN_NAMES = frozenset((
    "hillary", "elizabeth", "nancy", "kellyanne", "sarah", "michelle", "melania", "ivanka",
    "susan", "mary", "karen", "jennifer", "linda", "patricia", "barbara", "margaret", "lisa",
    "amy", "kamala", "janet", "theresa", "angela", "loretta", "debbie", "donna", "huma",
    "chelsea", "jill", "carly", "condoleezza", "madeleine", "ruth", "sonia", "elena", "nikki",
    "sheryl", "kirsten", "tammy", "claire", "maxine", "rachel", "katie", "megyn", "laura",
    "ann", "anne", "jane", "emily", "kate", "julie", "alicia", "heidi", "stephanie", "marsha",
    "joni", "kristen", "ursula", "svetlana", "marine", "giorgia", "jacinda", "liz", "katherine",
    "catherine", "samantha", "hope", "betsy", "ivana", "tiffany", "melissa", "jessica", "anna",
    "maria", "olga", "natalia", "yulia", "irina", "ava", "mia", "sophia", "diane", "dianne",
    "barbra", "oprah", "beyonce", "taylor", "hannah", "rebecca", "deborah", "carol", "judith",
    "judy", "sharon", "helen", "christine", "kathleen", "kathy", "cynthia", "denise", "gina",
    "kay", "kelly", "allison", "alison", "valerie", "wendy", "paula", "robin", "leslie",
))
MALE_GIVEN_NAMES = frozenset((
    "donald", "barack", "bernie", "ted", "marco", "john", "mike", "michael", "paul", "jeb",
    "chris", "bill", "joe", "tim", "mitch", "vladimir", "alexander", "aleksander", "ben",
    "rand", "lindsey", "george", "james", "robert", "david", "richard", "thomas", "mark",
    "steve", "steven", "jason", "eric", "reince", "newt", "rudy", "rudolph", "jeff", "kevin",
    "harry", "charles", "roger", "corey", "adam", "jim", "tom", "bob", "gary", "scott",
    "martin", "frank", "peter", "andrew", "matt", "brian", "dan", "daniel", "jeffrey", "ryan",
    "jerry", "jack", "larry", "sean", "rick", "greg", "ron", "dick", "al", "recep",
    "emmanuel", "boris", "olaf", "volodymyr", "sergei", "sergey", "dmitry", "alexei", "alexey",
    "viktor", "william", "joseph", "anthony", "kenneth", "edward", "ronald", "timothy", "jose",
    "carlos", "juan", "luis", "ahmed", "mohammed", "muhammad", "ali", "hassan", "benjamin",
    "bernard", "keith", "gov", "howard", "henry", "walter", "arthur", "lawrence", "stephen",
    "patrick", "dennis", "doug", "douglas", "ken", "wayne", "roy", "ralph", "eugene", "carl",
    "nigel", "keir", "rishi", "justin", "narendra", "shinzo", "fumio",
    "rex", "reed", "trey", "tucker", "rush", "glenn", "bret", "chuck", "mitt", "rob",
    "jared", "hunter", "beto", "pete", "cory", "jay", "ray", "lou", "herman",
))


# Given names and surnames of the US census (the `names` package ships its 1990 lists, public
# domain): a capitalised word that is a given name makes a person, and its gender is the one
# that name is given to at least four times as often as the other. The rarest given names
# (Nova, Shasta) are more often places and words than people: names under 0.005% are left out.
_GENDER_RATIO = 4.0
_RAREST_GIVEN_NAME = 0.005


def _census(name):
    frequencies = {}
    for line in resources.files("names").joinpath(name).read_text().splitlines():
        fields = line.split()
        if fields:
            frequencies[fields[0].lower()] = float(fields[1])
    return frequencies


@lru_cache(maxsize=1)
def given_names():
    """{given name, lower case: 'f', 'm' or None when given to both}: the census's, then the
    world's the census lacks (given_names.txt)."""
    female, male = _census("dist.female.first"), _census("dist.male.first")
    genders = {}
    for name in female.keys() | male.keys():
        f, m = female.get(name, 0.0), male.get(name, 0.0)
        if max(f, m) < _RAREST_GIVEN_NAME:
            continue
        genders[name] = "f" if f >= _GENDER_RATIO * m else "m" if m >= _GENDER_RATIO * f else None
    for line in resources.files("tracker.extract.lexicon").joinpath("given_names.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, gender = line.split("\t")
            genders.setdefault(name, None if gender == "-" else gender)
    genders.update(dict.fromkeys(FEMALE_GIVEN_NAMES, "f"))
    genders.update(dict.fromkeys(MALE_GIVEN_NAMES, "m"))
    return genders


@lru_cache(maxsize=1)
def surnames():
    return frozenset(_census("dist.all.last"))


@lru_cache(maxsize=1)
def places():
    """Names of countries, states, provinces and big cities, lower case (places.txt)."""
    lines = resources.files("tracker.extract.lexicon").joinpath("places.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.lower() for line in lines if line and not line.startswith("#"))


# Of those, the ones no person's surname is: "Clark County" is a place though "Clark" is a given
# name, while "Sean Park" or "Michael Bay" may be people.
PLACE_ONLY_WORDS = frozenset((
    "county", "street", "avenue", "road", "boulevard", "highway", "province", "township", "airport",
    "district", "region", "territory", "territories", "parish", "peninsula", "plaza",
))
# What opens the clause a cue noun holds: "plans to open", "claims that", "call for".
NOUN_CUE_OPENERS = frozenset(("to", "that", "for", "about", "of", ":", ","))
# What a cue of talking, asking or warning takes its topic with: "talked about", "warned against".
TOPIC_PREPOSITIONS = frozenset(("about", "for", "on", "of", "to", "with", "against", "over", "as"))
STANCE_NOUNS = frozenset(("favor", "favour", "support", "defense", "defence"))  # "argued in favor of"
# Prepositions after which a name in a speaker mention is not who speaks ("a spokesman for X").
MENTION_PREPOSITIONS = frozenset(("for", "of", "from", "at", "to", "in", "with"))
# What stands for a place's government: "the government in Beijing", "officials in Ottawa".
GOVERNMENT_HEADS = frozenset(("government", "administration", "regime", "authorities", "officials", "leadership"))
# Chinese and Korean family names, which news writes first ("Xi Jinping", "Kim Jong-un", "Moon
# Jae-in") and then alone ("Xi said"): in such a name the surname is the first word.
SURNAME_FIRST_FAMILY_NAMES = frozenset((
    "xi", "li", "wang", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun",
    "ma", "zhu", "hu", "guo", "lin", "gao", "luo", "zheng", "liang", "xie", "tang", "feng", "deng",
    "cao", "peng", "zeng", "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "du", "ye",
    "cheng", "wei", "su", "lu", "ding", "ren", "shen", "yao", "cui", "zhong", "tan", "fan", "jin",
    "wen", "bo", "lai", "qin", "meng", "kong", "tsai", "chiang", "kim", "lee", "park", "choi",
    "jung", "kang", "cho", "yoon", "jang", "lim", "han", "oh", "seo", "shin", "kwon", "hwang",
    "ahn", "song", "yoo", "hong", "jeon", "ko", "moon", "son", "bae", "baek", "nam", "roh", "chun",
    "ban", "hun",
))
# One syllable of a romanised Chinese or Korean given name: "jin", "ping", "jong", "jae", "hye".
_SYLLABLE = (r"(?:zh|ch|sh|hs|ts|[bcdfghjklmnpqrstwxyz])?"
             r"(?:iang|iong|uang|yeo|eou|ang|eng|ing|ong|uai|uan|ian|iao|ae|eo|eu|oe|oo|ye|yo|yu|ya|wa|wo"
             r"|ai|ei|ao|ou|ia|ie|iu|ua|uo|ui|ue|a|e|i|o|u)(?:ng|n|k|l|m|p|t)?")
_ONE_SYLLABLE = re.compile(_SYLLABLE)
_TWO_SYLLABLES = re.compile(f"{_SYLLABLE}(?:{_SYLLABLE})?")


def surname_first(words):
    """Whether a person's name (its words, lower case) is written family name first: a Chinese
    or Korean family name, then a romanised given name: hyphenated ("Kim Jong-un", "Moon
    Jae-in"), two syllables ("Kim Jong Un"), or one word of one or two ("Xi Jinping", "Wang Yi")
    that is no given name of English ("Kim Wells", "Lee Smith", "Andrew Lee" are not)."""
    if not 2 <= len(words) <= 3 or words[0] not in SURNAME_FIRST_FAMILY_NAMES:
        return False
    given = words[1:]
    if len(given) == 1 and given[0].count("-") == 1:
        return all(_ONE_SYLLABLE.fullmatch(part) for part in given[0].split("-"))
    names = given_names()
    if any(word in names for word in given):
        return False
    if len(given) == 2:
        return all(_ONE_SYLLABLE.fullmatch(word) for word in given)
    return words[0] not in names and _TWO_SYLLABLES.fullmatch(given[0]) is not None


# The last word of a place's name: "Kenton County", "Yonge Street".
PLACE_WORDS = frozenset((
    "county", "street", "avenue", "road", "boulevard", "drive", "highway", "province", "state",
    "city", "township", "river", "lake", "mountain", "mountains", "park", "island", "islands",
    "bay", "valley", "airport", "bridge", "square", "plaza", "peninsula", "coast", "beach",
    "village", "district", "region", "territory", "territories", "harbour", "harbor",
))
# What a person or a body says things in: "her statement", "the union's release" are theirs.
DOCUMENT_NOUNS = frozenset((
    "statement", "statements", "release", "report", "post", "posts", "tweet", "tweets", "letter",
    "blog", "website", "database", "filing", "complaint", "email", "memo", "video", "column",
    "interview", "account", "page", "office", "remarks", "testimony", "submission", "affidavit",
    "op-ed", "speech", "message", "messages", "announcement", "feed", "newsletter",
))
# Documents whose words their author says: "the post said", "the lawsuit alleges", "the poll found".
AUTHORED_NOUNS = frozenset((
    "statement", "release", "report", "post", "letter", "filing", "complaint", "email", "memo",
    "column", "submission", "affidavit", "op-ed", "message", "announcement", "newsletter", "lawsuit",
    "suit", "study", "survey", "poll", "analysis", "review", "findings", "document", "claim",
))
# What pollsters make: "a new Gallup poll" is a body's, though "Gallup" is a surname.
POLL_NOUNS = frozenset(("poll", "polls", "survey", "surveys"))
# Who speaks for the body named after them ("a spokesman for the Kremlin", "lawyers for the
# company", "a statement from the ministry"): the body is the speaker, as it is not for "a
# graduate of", "the director of" or "members of" it.
SPEAKS_FOR_HEADS = frozenset((
    "spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokespersons",
    "representative", "representatives", "official", "officials", "lawyer", "lawyers", "attorney",
    "attorneys", "counsel", "e-mail", "note", "notice", "projection", "projections", "article",
    "story", "forecast", "data", "figures", "estimate", "estimates",
)) | DOCUMENT_NOUNS | AUTHORED_NOUNS
# Names before a document's word that are not its author: "Monday's poll", "a Facebook post".
NOT_AUTHORS = frozenset((
    *WEEKDAYS, *MONTHS, "today", "facebook", "twitter", "instagram", "youtube", "tiktok", "linkedin",
    "reddit", "snapchat", "medium", "substack", "x",
))
# Words of holidays and other events, which are never anyone: "Christmas Day", "Canada Day".
EVENT_WORDS = frozenset((
    "christmas", "easter", "thanksgiving", "halloween", "hanukkah", "ramadan", "diwali", "eid",
    "passover", "valentine's", "day", "eve", "olympics", "games", "championship", "cup",
    "festival", "summit", "conference", "election", "war", "tournament", "open", "series",
    "year", "award", "awards", "prize", "globe", "globes", "oscar", "oscars", "emmy", "emmys", "grammy",
    "grammys",
))
# Nouns that name a work just before its title: "the Christmas classic Home Alone", "his book Fire and Fury".
WORK_NOUNS = frozenset((
    "film", "films", "movie", "movies", "book", "books", "novel", "novels", "memoir", "play", "musical",
    "show", "series", "sitcom", "documentary", "song", "songs", "album", "single", "classic", "hit",
    "podcast", "opera", "poem", "painting", "video", "game", "blockbuster", "bestseller",
))


# Names across articles (tracker/names.py)
# The word lists by which stored speakers' names are compared and their roles read, across
# articles, beside NAME_TITLES (the titles of TITLE_PROPERTIES a name drops).

# Nouns that end a role phrase: "Belarus opposition leader", "foreign minister".
ROLE_HEADS = frozenset((
    "leader", "president", "minister", "dictator", "senator", "governor", "chancellor",
    "secretary", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair",
    "ambassador", "mayor", "candidate", "nominee", "ceo", "director", "chief", "head", "official",
    "commander", "general", "king", "queen", "premier", "envoy", "adviser", "advisor", "analyst",
    "lawmaker", "activist", "judge", "founder", "economist", "professor", "representative",
    "congressman", "congresswoman", "prosecutor", "lawyer", "attorney", "strategist", "negotiator",
    "councillor", "councilor", "alderman", "mp", "mla", "mpp", "coach", "commissioner", "inspector",
    "constable", "detective", "superintendent", "manager", "researcher", "executive",
))
# Lower-case words that may stand inside a role phrase before its head.
ROLE_MODIFIERS = frozenset((
    "opposition", "former", "foreign", "prime", "vice", "deputy", "defense", "defence", "finance",
    "interior", "health", "acting", "press", "executive", "party", "state", "senior", "top",
    "interim", "exiled", "veteran", "chief", "general", "national", "security", "economy",
    "economic", "trade", "justice", "education", "energy", "military", "campaign", "government",
    "presidential", "independent",
))
# Words that can open a capitalised run without being part of a name.
NOT_NAME_WORDS = frozenset((
    "the", "a", "an", "but", "and", "however", "although", "while", "when", "after", "before",
    "in", "on", "at", "as", "if", "so", "yet", "this", "that", "these", "those", "there", "it",
    "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "its", "my", "much",
    "many", "some", "for", "with", "by", "from", "to", "of", "meanwhile",
))
# A speaker name that is one of these is no name.
NAME_PRONOUNS = SUBJECT_PRONOUNS | OBJECT_PRONOUNS


# -------------------------------------------------------------------------- Cues and their subjects (attribution.py, indirect.py)
# Complementizers and question words that open a reported clause.
COMPLEMENTIZERS = frozenset(("that",))
QUESTION_WORDS = frozenset(("whether", "if", "how", "why", "what", "when", "where", "who", "which"))
# Words allowed between a subject and its cue ("has also repeatedly said"), and dropped from
# the end of a subject read leftwards from its cue.
AUXILIARIES = frozenset((
    "has", "have", "had", "is", "was", "are", "were", "been", "be", "will", "would", "could",
    "can", "may", "might", "should", "must", "did", "does", "do", "not", "n't", "also", "again",
    "repeatedly", "publicly", "privately", "previously", "later", "recently", "once", "never",
    "already", "often", "frequently", "even", "then", "still", "reportedly", "allegedly",
    "apparently", "flatly", "firmly", "strongly", "openly", "quickly", "long", "further",
    "first", "initially", "earlier", "subsequently", "separately", "similarly", "likewise",
    "simply", "only", "just", "always", "finally", "falsely", "wrongly", "correctly", "rightly",
    "clearly", "explicitly", "implicitly", "directly", "specifically", "generally", "mostly",
    "consistently", "continually", "constantly", "emphatically", "angrily", "bluntly",
    "don't", "doesn't", "didn't", "won't", "wouldn't", "can't", "couldn't", "isn't", "wasn't",
    "aren't", "weren't", "hasn't", "haven't", "hadn't", "shouldn't", "don’t", "doesn’t",
    "didn’t", "won’t", "wouldn’t", "can’t", "couldn’t", "isn’t", "wasn’t", "aren’t", "weren’t",
    "hasn’t", "haven’t", "hadn’t", "shouldn’t", "’s", "'s", "’ve", "'ve", "’d", "'d", "’ll", "'ll",
))
# Verbs whose object before "that" is the addressee ("told reporters that").
ADDRESSEE_CUES = frozenset((
    "tell", "assure", "remind", "inform", "warn", "urge", "ask", "promise", "convince",
))
# Verbs that give their object a name or a label, whose quoted words end what is reported:
# 'called Clinton a "liar" during the debate' reports 'Clinton a "liar"'. After a determiner
# the quote ends it only before a mark or a word of LABEL_ENDERS: 'calls the "crooked" media'.
NAMING_CUES = frozenset(("call", "describe", "label", "brand", "dub"))
LABEL_ENDERS = frozenset((
    "and", "but", "or", "because", "while", "when", "after", "before", "as", "since", "though",
    "although", "even", "if", "until", "in", "on", "at", "during", "over", "amid", "despite",
    "following",
))
# Verbs whose clause can be a "to" infinitive ("vowed to fight", "urged them to act").
INFINITIVE_CUES = frozenset((
    "vow", "promise", "pledge", "refuse", "decline", "seek", "want", "plan", "decide", "agree",
    "threaten", "urge", "ask", "intend", "expect", "hope", "demand", "tell", "warn", "remind",
    "convince", "propose", "offer", "call", "continue", "claim", "fear", "caution",
))
COMMON_ADDRESSEES = frozenset((
    "reporters", "journalists", "supporters", "voters", "lawmakers", "senators", "congress",
    "the crowd", "crowd", "audience", "listeners", "viewers", "readers", "colleagues", "aides",
    "advisers", "donors", "delegates", "students", "members", "officials", "investigators",
    "interviewers", "host", "anchor", "interviewer", "committee", "panel", "court", "jury",
    "judge", "newspaper", "magazine", "network", "station", "outlet", "press", "audiences",
))
# Participles after a comma that start a new reported clause inside a sentence.
PARTICIPLE_CUES = frozenset(form for form, lemma in {**CUE_FORMS, **EXTRA_CUE_FORMS}.items()
                            if form.endswith("ing"))
# Cues that can follow a clause and stand inverted before their subject ("..., said Smith.").
INVERTED_CUES = frozenset((
    "said", "says", "say", "added", "adds", "wrote", "writes", "asked", "asks", "noted",
    "notes", "explained", "explains", "argued", "argues", "continued", "insisted", "insists",
    "told", "tells", "warned", "warns", "recalled", "recalls", "replied", "replies",
    "responded", "answered", "claimed", "claims", "stated", "states", "declared", "announced",
    "concluded", "conceded", "acknowledged", "admitted", "observed", "predicted", "predicts",
    "believes", "believe", "thinks", "think", "thought", "believed", "suggested", "suggests",
    "reported", "reports", "contends", "contended", "maintains", "maintained", "stressed",
    "emphasized", "pointed", "countered", "tweeted", "estimated", "estimates", "fears",
    "feared", "hopes", "hoped", "worries", "worried", "expects", "expected", "guessed", "hope",
    "fear", "expect", "argue", "insist", "contend", "suspect", "suspects", "suspected",
))
# Pronouns that stand as the subject of a cue in a reported clause ("who" points back).
CUE_SUBJECT_PRONOUNS = SUBJECT_PRONOUNS | {"you", "who"}
# Words that end a subject phrase when reading leftwards from a cue, in both engines; the
# reported-speech walk over tokens also stops at auxiliaries and a few more words.
SUBJECT_BOUNDARY_WORDS = frozenset((
    "that", "and", "but", "when", "while", "because", "as", "if", "which", "who", "whom",
    "where", "after", "before", "since", "though", "although", "so", "or", "than", "what",
    "whether", "once", "until", "how", "why", "said", "says", "told",
))
LEFT_STOP_WORDS = SUBJECT_BOUNDARY_WORDS | frozenset((
    "unless", "whereas", "whose", "then", "yet", "nor", "say", "is", "was", "are", "were", "be",
    "been", "being", "to", "also", "even", "just", "not", "n't", "has", "have", "had", "will",
    "would", "could", "can", "may", "might", "should", "must", "did", "does", "do", "now", "later",
))
# Words that open a sentence before its subject and are not part of it: "But Smith said".
LEADING_WORDS = frozenset(("and", "but", "so", "yet", "still", "then", "also", "now", "later",
                           "meanwhile", "instead", "however", "indeed", "finally", "but,"))
# Words that make a phrase before a cue a clause, not a subject ("In 1998 in the Senate").
CLAUSE_WORDS = frozenset(("in", "on", "at", "to", "with", "by", "that", "which", "when", "while",
                          "as", "after", "before", "was", "is", "were", "are", "had", "has"))
DETERMINERS = frozenset(("the", "a", "an", "his", "her", "their", "its", "our", "my", "your",
                          "this", "these", "those", "some", "many", "most", "several", "few",
                          "both", "all", "other", "another", "each", "every", "any", "no"))
# Words a cue's subject may open with in lower case: a determiner or a number ("the minister",
# "one official", "that report"), a pronoun, or the people a report speaks of as a group.
SUBJECT_OPENERS = DETERMINERS | SUBJECT_PRONOUNS | frozenset((
    "one", "two", "that", "who", "officials", "sources", "analysts", "critics", "experts",
    "supporters", "aides", "others", "people",
))
# Words that show a lower-case phrase ending in a name is a clause, not a description of the
# name ("former Obama adviser David Axelrod" is one; "for weeks Obama" is not).
NOT_IN_DESCRIPTIONS = SUBJECT_BOUNDARY_WORDS | CLAUSE_WORDS | {"for", "but", "not", "did", "do", "to"}
# Words between a subject and the cue after a quote (`"...," she later said`), besides any
# -ly adverb; narrower than AUXILIARIES, whose "was" and "not" would make `"...," X was
# revealed` or `X did not respond` attributions.
QUOTE_CUE_ADVERBS = frozenset(("also", "later", "then", "has", "had", "have", "would", "will", "once",
                               "again", "further", "often", "just", "earlier"))
# Cue forms whose object after a quote is the addressee: `"...," she told AFP`.
QUOTE_ADDRESSEE_CUES = frozenset(("told", "tells", "tell", "telling", "asked", "asks"))
PREPOSITIONS = frozenset(("in", "on", "at", "during", "via", "through", "to", "with", "from",
                           "after", "before", "over", "for", "by", "about", "earlier", "late",
                           "later", "last", "this", "yesterday", "today", "tonight"))
TIME_WORDS = frozenset(WEEKDAYS) | frozenset(m.rstrip(".") for m in MONTHS) | frozenset((
    "yesterday", "today", "tonight", "earlier", "recently", "week", "month", "year", "morning",
    "afternoon", "evening", "night", "weekend", "last", "this", "next", "day", "days", "ago",
))
# Nouns that make a cue word part of a compound noun ("think tank", "press release").
COMPOUND_HEADS = frozenset(("tank", "tanks", "release", "releases", "conference", "delegate",
                             "delegates", "superdelegates", "amount", "amounts", "goal", "goals",
                             "policy", "position", "purpose", "intent", "reason", "value"))
# First words of a comma-enclosed piece between a subject and its cue ("Smith, now retired,",
# "Powell's office, when contacted by Reuters,", "Rogers, for example,").
APPOSITION_OPENERS = frozenset(("now", "former", "then", "also", "including", "when", "while",
                                 "as", "after", "before", "if", "for", "in", "at", "on", "like",
                                 "unlike", "speaking", "asked", "reached", "contacted", "interviewed",
                                 "writing", "responding", "citing", "himself", "herself", "itself"))
# Adverbs set off by commas between a subject and its cue ("Forbes, however, says").
COMMA_ADVERBS = frozenset(("however", "too", "meanwhile", "though", "also", "instead", "then",
                            "moreover", "furthermore", "likewise", "similarly", "nonetheless",
                            "nevertheless", "therefore", "still", "indeed", "initially"))
# Nouns that head a description of a speaker ("the billionaire businessman").
HEAD_NOUNS = PERSON_NOUNS | ORGANISATION_NOUNS
# Words that open a count, not a clause: "added three more goals", "added another one".
QUANTITY_WORDS = frozenset(("another", "more", "one", "two", "three", "four", "five", "six",
                             "seven", "eight", "nine", "ten", "several"))
# What a game's account says a player or a team got, which a cue verb ("added", "posted",
# "snapped", "boasts") reports no words of: "added a goal and an assist", "posted a runner-up".
SCORE_NOUNS = ("goal", "goals", "assist", "assists", "touchdown", "touchdowns", "shutout", "shutouts",
               "birdie", "birdies", "bogey", "bogeys", "hat trick", "runner-up", "home run", "home runs",
               "strikeouts")
# Units of time in "a couple minutes later", when something was answered, not what.
TIME_UNITS = ("second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
              "month", "months", "year", "years", "decade", "decades")
# Determiners that stand alone as a subject: "Some said", "Many believe", "Both agree".
QUANTIFIERS = frozenset(("some", "many", "most", "several", "few", "both", "all", "others", "each"))
# Words that make a comma-closed piece a clause rather than an apposition.
FINITE_AUXILIARIES = frozenset(("is", "was", "are", "were", "has", "have", "had", "will", "would", "can",
                     "could", "should", "may", "might", "must", "did", "does", "do", "wo", "n't"))
BE_FORMS = frozenset(("is", "was", "are", "were", "be", "been", "being", "'s", "’s"))
# Adjectives that report a stance when followed by "that": "X is confident that ...".
STANCE_ADJECTIVES = frozenset((
    "hopeful", "confident", "convinced", "sure", "certain", "optimistic", "adamant", "aware",
    "worried", "concerned", "afraid", "fearful", "skeptical", "sceptical", "doubtful", "positive",
    "clear", "unaware", "pessimistic", "insistent", "happy", "glad", "proud", "disappointed",
))
# Cue forms that are usually nouns ("the reports", "the state", "his claims"): taken as verbs
# only after a word that makes them one (a pronoun, a modal, a capitalised name before -s).
NOUNISH_FORMS = frozenset((
    "state", "states", "note", "notes", "report", "reports", "post", "posts", "call", "calls",
    "claim", "claims", "comment", "comments", "remark", "remarks", "charge", "charges", "answer",
    "answers", "fear", "fears", "hope", "hopes", "plan", "plans", "promise", "promises",
    "tweet", "tweets", "point", "points", "counter", "question", "estimate", "estimates",
    "doubt", "doubts", "show", "shows", "find", "finds", "cry", "shout", "joke", "jokes",
    "read", "reads", "stress", "demand", "demands", "praise", "attack", "signal", "forecast",
    "forecasts", "vow", "vows", "pledge", "pledges", "quip", "quips", "concern", "blame",
    "reply", "replies", "dispute", "disputes", "lament", "guess", "wonder", "worry", "worries",
    "caution", "recall", "continue", "continues", "want", "wants", "respond", "add", "tout",
    "boast", "brag", "yell", "whisper", "chant", "scoff", "retort", "testify", "repeat",
))
# Nouns ending in "-ing", which after a name or a plural are no verb form ("saw the
# protesters' building"): what "see" then takes is something seen all the same.
ING_NOUNS = frozenset((
    "nothing", "something", "anything", "everything", "building", "buildings", "meeting", "meetings",
    "morning", "evening", "spring", "string", "funding", "spending", "housing", "hearing", "hearings",
    "ruling", "rulings", "polling", "warning", "warnings", "training", "offering", "ceiling", "feeling",
))
# Plurals without an "s", for telling a group from one person or thing.
IRREGULAR_PLURALS = frozenset(("people", "men", "women", "children", "police"))
# Preceding words that make such a form a verb ("they say", "would say", "to say").
VERB_MAKERS = frozenset((
    "i", "we", "they", "you", "he", "she", "it", "who", "would", "will", "could", "can", "may",
    "might", "should", "must", "did", "do", "does", "to", "n't", "not", "also", "often", "never",
    "still", "now", "people", "voters", "officials", "experts", "analysts", "critics",
    "supporters", "democrats", "republicans", "polls", "aides", "advisers", "sources", "others",
    "many", "some", "americans", "observers", "economists", "scientists", "lawmakers", "leaders",
    "groups", "residents", "members", "insiders", "strategists", "both", "all", "generally",
    "surveys", "records", "data", "documents", "filings", "figures", "numbers", "studies",
    "results", "statistics", "estimates", "emails", "files", "reports", "projections", "models",
))
REFLEXIVES = frozenset(("himself", "herself", "itself", "themselves", "myself", "ourselves", "yourself"))
# Cue forms too rarely reported speech to take: "continues" narrates, "remarks" is a noun.
WEAK_CUE_FORMS = frozenset(("continue", "continues", "maintains", "feels", "remarks"))
# Headline and transcript attributions: "Obama: I'm optimistic ...", "TRUMP: The deaths ...".
NOT_SPEAKERS_BEFORE_COLON = frozenset((
    "update", "updated", "note", "editor", "editors", "contributing", "contributors", "reporting", "correction", "watch", "video", "photos",
    "photo", "read", "related", "source", "sources", "transcript", "partial", "full", "the",
    "breaking", "exclusive", "analysis", "opinion", "live", "poll", "polls", "q", "a", "here",
    "this", "why", "what", "how", "when", "where", "who", "more", "also", "see", "listen", "by",
    "and", "but", "or", "in", "on", "at", "for", "of", "to", "with", "from", "result", "bottom",
))
SUBORDINATORS = frozenset(("as", "while", "when", "after", "before", "because", "since", "and",
                            "but", "although", "though", "whereas"))
PARTICIPLE_FORMS = frozenset(("told", "shown", "known", "thought", "found", "said", "written",
                               "sought", "understood", "heard", "seen"))
# Particles that belong to the cue: "pointed out", "called for", "warned about".
CUE_PARTICLES = {"point": ("out", "to"), "call": ("for", "on"), "warn": ("about", "against", "of"),
              "ask": ("about",), "complain": ("about",), "boast": ("about",), "comment": ("on",),
              "testify": ("about",), "report": ("on",), "speak": ("about", "of", "out"),
              "talk": ("about",), "refer": ("to",), "agree": ("with",), "argue": ("for", "against"),
              "caution": ("against",), "criticize": (), "decry": ()}
PARTICLE_ONLY_LEMMAS = frozenset(("speak",))
FRAME_PREPOSITIONS = frozenset(("in", "on", "at", "during", "via", "through", "to", "with",
                                 "after", "before", "over", "from", "for", "while", "when", "of",
                                 "about", "outside", "inside", "amid", "following", "ahead", "upon",
                                 "near", "under", "without", "since", "as"))
# Words before a cue's "-ing" form that make it a participle clause ("..., adding that").
# Prepositions before a participle clause: "after backing Obama, ...", "by saying he would".
ING_PREPOSITIONS = frozenset(("after", "before", "while", "since", "by", "when", "in", "without", "despite"))
ING_OPENERS = frozenset((",", "while", "after", "before", "and", "—", "–", "-", "by"))
# Speech verbs whose -ing form reports speech wherever it stands ("50 percent of voters saying
# they ...", "distinguished himself by saying he'd ...").
SPEECH_ING_LEMMAS = frozenset(("say", "claim", "argue", "insist", "tell", "warn", "suggest", "predict",
                                "note", "explain", "add", "deny", "acknowledge", "urge", "vow",
                                "promise", "complain", "contend", "assert", "allege", "declare"))
# The words a statement can start from: a cue of either lexicon, a stance adjective, "according".
REPORTING_TRIGGERS = frozenset(CUE_FORMS) | frozenset(EXTRA_CUE_FORMS) | STANCE_ADJECTIVES | {"according"}


# -------------------------------------------------------------------------- Names and who they are (resolve.py)
NAME_CONNECTORS = frozenset(("of", "for", "the", "de", "da", "del", "van", "von", "der", "den", "al", "bin", "du", "la", "le"))
NAME_FUNCTION_WORDS = frozenset((
    "the", "a", "an", "but", "and", "in", "on", "at", "after", "when", "while", "if", "as",
    "for", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "his", "her",
    "their", "our", "its", "there", "here", "however", "although", "meanwhile", "yet", "so",
    "still", "then", "now", "with", "without", "from", "by", "to", "of", "during", "before",
    "since", "until", "even", "also", "both", "many", "some", "most", "every", "each", "no",
    "not", "what", "who", "why", "how", "where", "you", "my", "your", "me", "us",
))
# Description words and the words an introduction may use for them instead.
DESCRIPTION_SYNONYMS = {
    "leader": ("lead", "head", "chief"), "senator": ("sen",), "governor": ("gov",),
    "representative": ("rep", "congressman", "congresswoman"), "general": ("gen",),
    "newspaper": ("times", "post", "journal", "news", "tribune", "herald", "gazette", "daily", "paper"),
    "paper": ("times", "post", "journal", "news", "tribune", "herald", "gazette", "daily", "newspaper"),
    "think": ("institute", "center", "centre"), "tank": ("institute", "center", "centre"),
    "businessman": ("business", "billionaire", "mogul", "developer"),
    "nominee": ("candidate", "nominee"), "candidate": ("nominee",),
    "pontiff": ("pope",), "monarch": ("king", "queen"),
}
POSSESSIVES = frozenset(("his", "her", "its", "their"))
# Words that open or close a capitalised run without naming anyone: "Thursday Kim said",
# "Other than that", "in Nova Scotia. Then".
NOT_IN_NAMES = frozenset(WEEKDAYS) | frozenset(m.rstrip(".") for m in MONTHS) | frozenset((
    "then", "other", "another", "today", "tonight", "yesterday", "now", "thus", "still", "also",
    "meanwhile", "later", "earlier", "here", "there", "yes", "no", "okay", "ok",
))


# -------------------------------------------------------------------------- Speaker mentions (pipeline.py)
# A mention opening on these introduces someone new ("an official with ..."), never named before.
INDEFINITE_OPENERS = frozenset(("a", "an", "one", "another"))
# Words after which a mention holds no more of its speaker.
MENTION_CUTS = frozenset(("who", "whom", "whose", "which", "that", "was", "were", "is", "are", "has",
                           "had", "have", "with"))
# "he heard students shout, ...": whoever is heard or seen saying it speaks, not who perceives it.
PERCEPTION_VERBS = frozenset(("heard", "hear", "hears", "saw", "see", "sees", "watched", "watch", "watches"))
MENTION_TIME_WORDS = frozenset(WEEKDAYS) | frozenset((
    "earlier", "later", "late", "this", "last", "week", "month", "year", "morning", "afternoon",
    "evening", "night", "today", "yesterday", "tonight", "on", "recently",
))
APPOSITION_PREPOSITIONS = frozenset(("of", "for", "at", "with", "in", "on", "from"))
# Mentions made of these alone are no speaker: "The", "According", "month".
NO_SPEAKER_WORDS = frozenset(("the", "a", "an", "according", "this", "that", "it's", "month", "week",
                               "year", "day", "time", "there", "here", "what", "which"))


# -------------------------------------------------------------------------- Claims (tracker/claims.py)
# Words that carry no claim of their own; "said"-like verbs too, as paraphrases add them.
CLAIM_FUNCTION_WORDS = frozenset("""
a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had
has have having he her here hers herself him himself his how i if in into is it its itself just
me more most my myself no nor not now of off on once only or other our ours ourselves out over
own same she should so some such than that the their theirs them themselves then there these
they this those through to too under until up very was we were what when where which while who
whom why will with would you your yours yourself yourselves also still even must may might shall
us let s t don doesn didn isn wasn aren weren won wouldn couldn shouldn ve ll re d m o
say says said saying tell told add added stress stressed insist insisted according
""".split())
# Words that open a mention without being its speaker: "In June Councillor David Brennan said".
MENTION_OPENING_WORDS = frozenset(("in", "on", "at", "since", "during", "until", "after", "before", "last",
                                   "earlier", "later", "then", "meanwhile")) | frozenset(WEEKDAYS) | frozenset(
    m.rstrip(".") for m in MONTHS)
# Words that open a phrase no subject is: "Unlike McCallum, Trudeau ...", "Despite pre-event
# disclaimers", "Among those": whoever speaks is named elsewhere. ("with 47 percent of voters
# saying" and "experts like Gary Hufbauer" do hold the subject.)
NOT_SUBJECT_OPENERS = frozenset(("unlike", "without", "among", "amid", "despite", "through",
                                 "toward", "towards", "against", "besides", "except"))
# Words that, inside a capitalised run, make it the title of a work ("A Star Is Born"), not a name.
TITLE_CASE_WORDS = frozenset(("is", "are", "was", "were", "be", "a", "an", "my", "your", "our", "his", "her",
                              "its", "it", "we", "you", "i", "me", "not", "no",
                              # A headline run on into a name: "Ted Cruz Apologizes To Ben Carson".
                              "to", "on", "about", "at", "into", "after", "over"))
# What may follow a surname and is not one: "Martin Luther King Jr." is King.
NAME_SUFFIXES = frozenset(("jr", "jr.", "sr", "sr.", "ii", "iii", "iv"))
