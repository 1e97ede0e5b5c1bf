"""Hand-written word lists shared by every extraction step (no models, no downloads).

Everything is lower case; callers lower-case the word they look up.
"""
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
                       "mock", "opine", "muse", "lament", "snap", "sigh", "proclaim", "gush")
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

# Titles and honorifics that precede a name and are not part of it for matching.
TITLES = frozenset((
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "sen", "senator", "rep", "representative", "gov", "governor", "gen", "general",
    "president", "vice", "prime", "minister", "secretary", "chancellor", "mayor", "judge",
    "justice", "rev", "reverend", "father", "pope", "king", "queen", "prince", "princess",
    "col", "colonel", "lt", "lieutenant", "capt", "captain", "sgt", "sergeant", "adm",
    "admiral", "cmdr", "commander", "chairman", "chairwoman", "chair", "speaker", "leader",
    "ambassador", "attorney", "sheriff", "chief", "director", "officer", "spokesman",
    "spokeswoman", "spokesperson", "candidate", "nominee", "state", "former", "then",
    "gop", "democratic", "republican", "democrat", "independent", "libertarian", "u.s.", "us", "house", "senate", "majority",
    "minority", "deputy", "assistant", "acting", "foreign", "defense", "defence", "press",
    "ceo", "founder", "analyst", "businessman", "businesswoman", "billionaire", "host",
    "anchor", "commentator", "strategist", "pollster", "adviser", "advisor", "aide",
    "dictator", "opposition", "rival", "challenger", "incumbent", "mogul", "star",
    "first", "lady", "supreme", "court", "general", "presidential", "running", "mate",
))

# Honorifics that fix a gender when they introduce a name.
FEMALE_HONORIFICS = frozenset(("mrs", "ms", "miss", "dame", "lady", "queen", "princess",
                               "chairwoman", "spokeswoman", "businesswoman"))
MALE_HONORIFICS = frozenset(("mr", "sir", "lord", "king", "prince", "father", "chairman",
                             "spokesman", "businessman"))

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
    "bureau", "service", "police", "army", "navy", "force", "forces", "ministry", "embassy",
    "organization", "organisation", "coalition", "alliance", "movement", "network", "tank",
    "pac", "fbi", "cia", "nato", "un", "eu", "who", "gop", "dnc", "rnc", "ministry", "poll",
    "survey", "study", "report", "statement", "spokesperson", "team", "staff", "firm",
))

# Common nouns that, after "the", describe an organisation that can speak ("the newspaper").
ORGANISATION_NOUNS = frozenset((
    "newspaper", "paper", "daily", "magazine", "outlet", "agency", "ministry", "department",
    "government", "administration", "campaign", "committee", "company", "firm", "group",
    "institute", "think tank", "report", "study", "poll", "survey", "organization",
    "organisation", "party", "white house", "kremlin", "court", "network", "channel",
    "website", "site", "publication", "statement", "council", "commission", "office",
    "embassy", "foundation", "union", "agency", "coalition", "center", "centre",
    "team", "club", "league", "authority", "board", "police", "force", "service", "school",
    "hospital", "university", "association", "federation", "diocese", "church", "bank",
    "corporation", "utility", "province", "city", "state", "country", "nation",
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
    "student", "witness", "victim", "neighbor", "neighbour", "friend", "colleague",
    "spokesmen", "people", "observers", "analysts", "experts", "diplomat", "diplomats",
    "surrogate", "surrogates", "operative", "consultant", "economist", "historian",
    "defenceman", "defenseman", "forward", "goalie", "goaltender", "wing", "winger", "coach",
    "player", "pitcher", "quarterback", "striker", "captain", "commissioner", "premier",
    "councillor", "councilor", "mp", "mla", "mpp", "conservative", "liberal", "prosecutor",
    "detective", "constable", "paramedic", "nurse", "physician", "surgeon", "chef", "owner",
    "founder", "worker", "employee", "mom", "dad", "grandmother", "grandfather", "brother",
    "sister", "boy", "girl", "teenager", "teen", "child",
))

FEMALE_NOUNS = frozenset(("woman", "businesswoman", "chairwoman", "spokeswoman", "congresswoman",
                          "mother", "wife", "daughter", "queen", "actress", "sister", "girl"))
MALE_NOUNS = frozenset(("man", "businessman", "chairman", "spokesman", "congressman", "father",
                        "husband", "son", "king", "prince", "brother", "boy"))

# Days and months that make a date mention after a cue ("on Monday", "on Nov. 3").
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

# Abbreviations that end with a period without ending the sentence (Punkt parameters).
ABBREVIATIONS = frozenset((
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "sen", "rep", "gov", "gen", "lt",
    "col", "capt", "sgt", "adm", "cmdr", "rev", "hon", "pres", "supt", "det", "insp",
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
    "jerry", "jack", "larry", "sean", "rick", "greg", "ron", "dick", "al", "xi", "recep",
    "emmanuel", "boris", "olaf", "volodymyr", "sergei", "sergey", "dmitry", "alexei", "alexey",
    "viktor", "william", "joseph", "anthony", "kenneth", "edward", "ronald", "timothy", "jose",
    "carlos", "juan", "luis", "ahmed", "mohammed", "muhammad", "ali", "hassan", "benjamin",
    "bernard", "keith", "gov", "howard", "henry", "walter", "arthur", "lawrence", "stephen",
    "patrick", "dennis", "doug", "douglas", "ken", "wayne", "roy", "ralph", "eugene", "carl",
    "nigel", "keir", "rishi", "justin", "narendra", "shinzo", "fumio", "kim", "yoon", "moon",
    "rex", "reed", "trey", "tucker", "sean", "rush", "glenn", "bret", "chuck", "mitt", "rob",
    "jared", "eric", "hunter", "beto", "pete", "cory", "jay", "ray", "lou", "newt", "herman",
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
    """{given name, lower case: 'f', 'm' or None when given to both}."""
    female, male = _census("dist.female.first"), _census("dist.male.first")
    genders = {}
    for name in female.keys() | male.keys():
        f, m = female.get(name, 0.0), male.get(name, 0.0)
        if max(f, m) < _RAREST_GIVEN_NAME:
            continue
        genders[name] = "f" if f >= _GENDER_RATIO * m else "m" if m >= _GENDER_RATIO * f else None
    genders.update(dict.fromkeys(FEMALE_GIVEN_NAMES, "f"))
    genders.update(dict.fromkeys(MALE_GIVEN_NAMES, "m"))
    return genders


@lru_cache(maxsize=1)
def surnames():
    return frozenset(_census("dist.all.last"))


@lru_cache(maxsize=1)
def places():
    """Names of countries, states, provinces and big cities, lower case (places.txt)."""
    lines = resources.files("tracker.extract").joinpath("places.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.lower() for line in lines if line and not line.startswith("#"))


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
# Words of holidays and other events, which are never anyone: "Christmas Day", "Canada Day".
EVENT_WORDS = frozenset((
    "christmas", "easter", "thanksgiving", "halloween", "hanukkah", "ramadan", "diwali", "eid",
    "passover", "valentine's", "day", "eve", "olympics", "games", "championship", "cup",
    "festival", "summit", "conference", "election", "war", "tournament", "open", "series",
    "year",
))


# Names across articles (tracker/names.py)
# The word lists by which stored speakers' names are compared and their roles read, across
# articles; the extractor's own lists above serve attribution within one article.

# Honorifics and titles dropped from the front of a name to compare it (kept as roles).
NAME_TITLES = frozenset((
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "sen",
    "senator", "rep", "gov", "governor", "gen", "general", "president", "vice", "prime",
    "minister", "secretary", "chancellor", "mayor", "judge", "rev", "pope", "king", "queen",
    "prince", "princess", "col", "colonel", "capt", "captain", "premier", "ambassador", "chief",
))
# Nouns that end a role phrase: "Belarus opposition leader", "foreign minister".
ROLE_HEADS = frozenset((
    "leader", "president", "minister", "dictator", "senator", "governor", "chancellor",
    "secretary", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair",
    "ambassador", "mayor", "candidate", "nominee", "ceo", "director", "chief", "head", "official",
    "commander", "general", "king", "queen", "premier", "envoy", "adviser", "advisor", "analyst",
    "lawmaker", "activist", "judge", "founder", "economist", "professor", "representative",
    "congressman", "congresswoman", "prosecutor", "lawyer", "attorney", "strategist", "negotiator",
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
NAME_PRONOUNS = frozenset(("he", "she", "they", "it", "i", "we", "you", "him", "her", "them", "us", "me"))
