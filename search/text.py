"""Words, word forms and queries: how each language's text becomes PostgreSQL full-text search input.

PostgreSQL 15 ships snowball stemmers for Russian and English but nothing for Kazakh, and every text-search
dictionary template that could normalise Kazakh (ispell/hunspell, synonym, thesaurus) reads files from the
server's ``tsearch_data`` directory, which a migration cannot create. So Kazakh is normalised here, in Python,
before PostgreSQL sees it: Kazakh-specific letters are folded (people often type without them), inflectional
suffixes (case, possession, plural — Kazakh stacks them in that order from the end) are stripped, and a final
voiced consonant is unvoiced (мектеп → мектебі, кітап → кітабы, сабақ → сабағы). The same function runs on the
indexed text and on the query, so the two always agree; PostgreSQL then only needs its ``simple`` configuration.
search/README.md gives the measured recall.
"""

import functools
import re

# The text-search configuration each language is indexed and queried with.
CONFIGURATIONS = {"kk": "simple", "ru": "russian", "en": "english"}

WORD_RE = re.compile(r"\w+", re.UNICODE)

KAZAKH_FOLD = str.maketrans("әғқңөұүһіё", "агкноуухие")

# Inflectional endings, each in all its vowel-harmony and consonant-assimilation variants.
_KAZAKH_ENDINGS = [
    # plural
    "лар",
    "лер",
    "дар",
    "дер",
    "тар",
    "тер",
    # possessive (plural + possessive third person included, it is very common)
    "ым",
    "ім",
    "ың",
    "ің",
    "ы",
    "і",
    "мыз",
    "міз",
    "ымыз",
    "іміз",
    "ңыз",
    "ңіз",
    "ыңыз",
    "іңіз",
    "лары",
    "лері",
    "дары",
    "дері",
    "тары",
    "тері",
    # genitive, dative, accusative, locative, ablative, instrumental
    "ның",
    "нің",
    "дың",
    "дің",
    "тың",
    "тің",
    "ға",
    "ге",
    "қа",
    "ке",
    "на",
    "не",
    "ны",
    "ні",
    "ды",
    "ді",
    "ты",
    "ті",
    "ын",
    "ін",
    "да",
    "де",
    "та",
    "те",
    "дан",
    "ден",
    "тан",
    "тен",
    "нан",
    "нен",
    "мен",
    "бен",
    "пен",
    # the attributive locative ("мектептегі" — the school's, in the school), frequent in titles
    "дағы",
    "дегі",
    "тағы",
    "тегі",
]
# After a possessive ending the locative is "-нда" (мектебінде = мектеб-і-н-де); stripping "-де" then "-ін" finds
# the same stem without mistaking the "н" of "аудан-да" for it.
# Longest first, so that "дағы" is tried before "да" and "ы".
KAZAKH_ENDINGS = sorted(set(_KAZAKH_ENDINGS), key=len, reverse=True)
KAZAKH_ENDINGS_FOLDED = sorted({ending.translate(KAZAKH_FOLD) for ending in _KAZAKH_ENDINGS}, key=len, reverse=True)
MIN_STEM = 3
MAX_STRIPS = 4
UNVOICE = {"б": "п", "г": "к", "ғ": "қ"}
VOWELS = set("аәеиоөұүуыіэюяё")


def words(text):
    return WORD_RE.findall(text or "")


@functools.lru_cache(maxsize=200_000)
def kazakh_stem(word, fold=True):
    """The normalised form of one Kazakh word: folded, suffixes stripped, final consonant unvoiced."""
    word = word.lower()
    if fold:
        word = word.translate(KAZAKH_FOLD)
    endings = KAZAKH_ENDINGS_FOLDED if fold else KAZAKH_ENDINGS
    for _ in range(MAX_STRIPS):
        for ending in endings:
            if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
                word = word[: -len(ending)]
                break
        else:
            break
    # The possessive is "-сы/-сі" after a vowel (бала-сы) and "-ы/-і" after a consonant (облыс-ы), the accusative
    # "-ны/-ні" after a vowel and "-ы/-і" after a possessive (аудан-ы, not ауда-ны): only "-ы/-і" is stripped, and
    # an "с" or "н" after a vowel is dropped from every stem, so бала/баласы, облыс/облысы, аудан/ауданы agree.
    if len(word) > MIN_STEM and word[-1] in "сн" and word[-2] in VOWELS:
        word = word[:-1]
    if word and word[-1] in UNVOICE:
        word = word[:-1] + UNVOICE[word[-1]]
    return word


def normalise_text(text, language):
    """The text as the index stores it: unchanged for ru/en (PostgreSQL stems them), normalised words for kk."""
    if language != "kk":
        return text or ""
    return " ".join(kazakh_stem(word) for word in words(text))


# websearch syntax, as PostgreSQL's websearch_to_tsquery reads it: "a phrase", -excluded, or.
QUERY_TOKEN_RE = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def normalise_query(query, language):
    """The visitor's query in websearch syntax with each Kazakh word normalised like the index."""
    if language != "kk":
        return query
    parts = []
    for match in QUERY_TOKEN_RE.finditer(query):
        negate, phrase, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None:
            if bare.lower() == "or":
                parts.append("or")
                continue
            negate, phrase = ("-", bare[1:]) if bare.startswith("-") else ("", bare)
            stems = [kazakh_stem(word) for word in words(phrase)]
            if len(stems) == 1:
                parts.append(negate + stems[0])
            elif stems:
                # A hyphenated word ("іс-әрекет") is indexed as its parts, side by side.
                parts.append(f'{negate}"{" ".join(stems)}"')
            continue
        stems = [kazakh_stem(word) for word in words(phrase)]
        if stems:
            parts.append(f'{negate}"{" ".join(stems)}"')
    return " ".join(parts)


def split_phrases(query):
    """(phrases, words): the quoted phrases of a websearch query (already normalised) that every result must
    contain, and its other required words as a query of their own. Nothing for a query with an "or" (a phrase may
    then be one alternative); excluded words and phrases are in neither."""
    phrases, other = [], []
    for match in QUERY_TOKEN_RE.finditer(query):
        negate, phrase, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None:
            if bare.lower() == "or":
                return [], ""
            if not bare.startswith("-"):
                other.append(bare)
        elif not negate and len(words(phrase)) > 1:
            phrases.append(phrase)
        elif not negate:
            other.append(phrase)
    return phrases, " ".join(other)


def highlight_query(query, language):
    """For Kazakh snippets: a tsquery of word prefixes that matches the inflected forms in the original text."""
    prefixes = set()
    for word in words(query.replace('"', " ")):
        if word.lower() == "or" or len(word) < 2:
            continue
        raw = kazakh_stem(word, fold=False)
        prefixes.add(raw)
        # The stem as written before a vowel: мектеп → мектеб(і).
        for voiceless, voiced in (("п", "б"), ("к", "г"), ("қ", "ғ")):
            if raw.endswith(voiceless):
                prefixes.add(raw[:-1] + voiced)
    escaped = ["'" + prefix.replace("'", "") + "':*" for prefix in sorted(prefixes) if prefix]
    return " | ".join(escaped)


def autocomplete_prefix(query):
    """A tsquery for titles that have words starting with each typed word, the last one possibly unfinished."""
    typed = [word.lower().translate(KAZAKH_FOLD) for word in words(query)][:6]
    return " & ".join("'" + word + "':*" for word in typed if word)


def fold(text):
    return (text or "").lower().translate(KAZAKH_FOLD)
