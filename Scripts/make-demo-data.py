#!/usr/bin/env python3
"""Derive the demo corpus resource from the ESCO taxonomy.

Developer-time tool, run by hand from the project root:

    python3 Scripts/make-demo-data.py [--esco ../shared/data/esco] [--out PATH]

Reads `occupations.csv` and `skills.csv` (columns `id,description`, where `description` is the
preferred label, the alternative labels and the definition run together without a delimiter) and
writes `Sources/WayfinderApp/Resources/demo-occupations.tsv`, one occupation a line:

    title<TAB>definition<TAB>skill1|skill2|...

The product only ever reads the derived file, never ESCO itself. Output is deterministic: no
randomness, inputs are processed in id order and every tie is broken by a stable key.
Standard library only.
"""

import argparse
import csv
import hashlib
import math
import os
import re
import sys
from collections import defaultdict

HEADER = ("# Derived from the ESCO taxonomy (European Skills, Competences, Qualifications and "
          "Occupations, European Commission, CC BY 4.0).")

MAX_DEFINITION = 400
MIN_SKILLS, MAX_SKILLS = 5, 10

STOP = set("""a an and are as at be been by can could do does for from has have in into is it its
may might must not of on or other such that the their them these they this those to under up use
used using various with within without which who whose will would also all any as well etc e g i
including include includes ensure make order various new one two based according both each more
most some own related different specific relevant""".split())
CONNECTORS = {"a", "an", "and", "the", "of", "to", "for", "in", "on", "with", "or", "at", "by",
              "from", "into", "as"}
PARTICLES = {"out", "up", "off", "down", "away", "on"}
WEAK_ENDINGS = {"do", "make", "take", "get", "give", "apply", "perform", "ensure", "carry", "work",
                "external", "internal", "different", "specific", "various"}
ADJECTIVE = re.compile(r"(al|ive|ic|ous|able|ible|ful|ary|ed| live| field| public| local)$")
SMALL_WORDS = {"a", "an", "and", "the", "of", "to", "for", "in", "on", "with", "or", "at", "by",
               "from", "into", "as", "via", "per", "vs"}
DEFINITION_STARTERS = {"the", "a", "an", "techniques", "principles", "methods", "use", "types"}
# Words that start skill labels and definitions but are not imperative verbs.
NOUN_LIKE = re.compile(r"(al|ic|ics|ity|ty|tion|sion|ment|ing|ance|ence|ness|ly|[^su]s)$")
NOT_VERBS = {"data", "database", "energy", "food", "footwear", "computer", "internet", "network",
             "online", "hybrid", "european", "airtight", "alternative", "knowledge", "safe",
             "textile", "surveillance", "variety", "the", "a", "an", "types", "techniques",
             "principles", "methods"}
COMMON_VERBS = {"use", "choose", "utilise", "employ", "apply", "perform", "carry", "conduct",
                "execute", "implement", "undertake", "make", "do", "get", "take", "run"}
# Software/IT/data occupations: ESCO's definitions rarely name the tools a posting would ask for,
# so word overlap alone finds few of them. For titles matching a pattern, some of these ESCO skill
# labels (those present in skills.csv) lead the skill list, chosen per title by a stable hash.
TECH_EXCLUDE = re.compile(r"\b(product developer|property|business developer|film|photographic|venue|"
                          r"footwear|leather|textile|numerical|seller|shop|computer-aided|hardware)\b")
TECH_HINTS = [
    (r"\b(software|developer|programmer|games developer|app developer)\b",
     ["Python", "Java", "JavaScript", "TypeScript", "C#", "C++", "Kotlin", "Swift", "Scala", "Go",
      "Ruby", "PHP", "SQL", "Agile development", "debug software", "use object-oriented programming",
      "use software design patterns", "develop automated software tests", "DevOps", "Jenkins",
      "implement ICT coding conventions", "create software design", "plan software testing"]),
    (r"\b(web|website|front-end|frontend|user interface)\b",
     ["JavaScript", "TypeScript", "JavaScript Framework", "Angular", "PHP", "WordPress", "Drupal",
      "create website wireframe", "web analytics", "web services", "troubleshoot website"]),
    (r"\b(data (?!entry)|database|statistician|business intelligence|analytics)",
     ["Python", "R", "SQL", "NoSQL", "MySQL", "Hadoop", "MATLAB", "data mining", "analyse big data",
      "business intelligence", "apply statistical analysis techniques", "perform data cleansing",
      "data warehouse", "utilise machine learning", "deep learning", "identify statistical patterns",
      "manage database", "design database scheme"]),
    (r"\b(ict security|it security|information security|cyber\w*|computer forensics?|digital forensics?)\b",
     ["ICT security legislation", "conduct threat intelligence", "define firewall rules",
      "implement a firewall", "Kali Linux", "Nessus", "OWASP ZAP", "computer forensics",
      "implement ICT risk management", "security threats", "collect cyber defence data"]),
    (r"\b(cloud|devops|computer (scientist|network|vision|systems?)|(ict|it|network) (administrator|"
     r"engineer|architect|technician|developer|operations|security|integration|specialist|tester))\b",
     ["cloud technologies", "design cloud architecture", "deploy cloud resource", "Ansible", "Puppet",
      "Chef", "Vagrant", "plan migration to cloud", "cloud security and compliance",
      "analyse network configuration and performance", "design computer network",
      "install operating system", "operating systems", "perform ICT troubleshooting", "DevOps"]),
    (r"\b(ict|it)\b",
     ["Agile project management", "cloud technologies", "operating systems", "perform ICT troubleshooting",
      "ICT security legislation", "ICT quality policy", "ICT infrastructure", "DevOps"]),
    (r"\b(artificial intelligence|machine learning|ai)\b",
     ["Python", "utilise machine learning", "deep learning", "principles of artificial intelligence",
      "build recommender systems", "develop computer vision system", "analyse big data"]),
]
SENTENCE_END = re.compile(r"[.!?][\"'’”)]*$")
ABBREVIATIONS = {"e.g.", "i.e.", "etc.", "vs.", "approx.", "incl.", "no.", "st.", "dr.", "mr.",
                 "ms.", "fig.", "cf."}


# --- text helpers -----------------------------------------------------------------------------

def words_of(text):
    return text.replace("\u00a0", " ").split()


def is_titlecase(word):
    """A capitalised ordinary word ('Metal', 'They'), not an acronym ('ICT') or symbol."""
    core = word.strip("\"'‘’“”(")
    return len(core) >= 1 and core[0].isupper() and (len(core) == 1 or any(c.islower() for c in core[1:]))


def starts_upper(word):
    core = word.strip("\"'‘’“”(")
    return bool(core) and core[0].isupper()


def ends_sentence(word):
    return bool(SENTENCE_END.search(word)) and word.lower() not in ABBREVIATIONS


def first_sentence_end(words):
    for i, w in enumerate(words):
        if ends_sentence(w):
            return i
    return len(words) - 1


def plural_forms(word):
    w = word.lower()
    forms = {w, w + "s", w + "es"}
    if w.endswith("y"):
        forms.add(w[:-1] + "ies")
    if w.endswith("man"):
        forms.add(w[:-3] + "men")
    if w.endswith("person"):
        forms.add(w[:-6] + "people")
        forms.add(w[:-6] + "persons")
    if w.endswith("f"):
        forms.add(w[:-1] + "ves")
    if w.endswith("fe"):
        forms.add(w[:-2] + "ves")
    if w.endswith("is"):
        forms.add(w[:-2] + "es")
    if w.endswith("us"):
        forms.add(w[:-2] + "i")
    if "/" in w:  # "waiter/waitress" -> "waiters/waitresses"; "waiter/head" -> "waiters"
        parts = w.split("/")
        forms |= plural_forms(parts[0])
        forms.add("/".join(plural(p) for p in parts))
    return forms


def plural(word):
    if word.endswith("man"):
        return word[:-3] + "men"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


def singular(word):
    w = word
    lower = w.lower()
    if lower.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if lower.endswith("men") and not lower.endswith("women") or lower.endswith("women"):
        return w[:-3] + "man"
    if lower.endswith(("sses", "shes", "ches", "xes")):
        return w[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")):
        return w[:-1]
    return w


def norm(word):
    return word.lower().strip(",;:\"'‘’“”()")


def stem(word):
    w = word.lower().strip(",.;:\"'‘’“”()!?")
    w = w.replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    for suffix, repl in (("ies", "y"), ("sses", "ss"), ("ing", ""), ("ers", "er"), ("ors", "or"),
                         ("ions", "ion"), ("ed", ""), ("es", "e"), ("s", "")):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            w = w[: len(w) - len(suffix)] + repl
            break
    return w


def content_stems(text):
    out = []
    for token in re.split(r"[^A-Za-z0-9+#àâäçéèêëîïôöùûüñß'’-]+", text):
        token = token.strip("-'’")
        if not token or token.lower() in STOP or len(token) < 2:
            continue
        out.append(stem(token))
    return out


def display_title(label):
    """Title case for display: 'metal drawing machine operator' -> 'Metal Drawing Machine Operator'."""
    out = []
    for idx, word in enumerate(label.split()):
        if idx > 0 and word.lower() in SMALL_WORDS:
            out.append(word.lower())
            continue
        if any(c.isupper() for c in word):  # keep acronyms and names as written: ICT, DevOps
            out.append(word)
            continue
        pieces = re.split(r"([-/])", word)
        out.append("".join(p[:1].upper() + p[1:] if p not in "-/" else p for p in pieces))
    return " ".join(out)


def clean_field(text):
    return re.sub(r"\s+", " ", text.replace("\t", " ").replace("|", "/")).strip()


def trim_definition(words):
    """1-3 sentences, at most about MAX_DEFINITION characters, cut at a sentence boundary."""
    sentences, current = [], []
    for w in words:
        current.append(w)
        if ends_sentence(w):
            sentences.append(" ".join(current))
            current = []
    if current:
        tail = " ".join(current)
        sentences.append(tail if tail.endswith((".", "!", "?")) else tail + ".")
    out = ""
    for s in sentences[:3]:
        candidate = (out + " " + s).strip()
        if out and len(candidate) > MAX_DEFINITION:
            break
        out = candidate
    if len(out) > MAX_DEFINITION + 40:  # one very long sentence: cut at a clause boundary
        cut = out[:MAX_DEFINITION]
        pos = max(cut.rfind(", "), cut.rfind("; "))
        out = (cut[:pos] if pos > 200 else cut[: cut.rfind(" ")]).rstrip(",;: ") + "."
    return clean_field(out)


def is_gerund(word, verbs):
    if not word.endswith("ing"):
        return False
    base = word[:-3].replace("iz", "is")
    return base in verbs or base + "e" in verbs or (len(base) > 3 and base[-1] == base[-2] and base[:-1] in verbs)


def label_end(label_words, max_len, verbs=frozenset(), definition=()):
    """Find where the first label ends in a run of labels (the preferred label comes first).

    Boundary signals after k words, strongest first: the next word repeats the first word
    ("manage X manage Y") or a word is doubled ("acoustical engineering engineering for ...");
    for imperative labels, the object is restated at once ("prevent crop disorders crop
    disorder") or after one word ("follow work schedule obey work schedule"), or another verb
    follows that restates the object soon after ("supervise correctional procedures oversee
    prison procedures"). Every content word of the label except its verb must come back later
    (alternative labels and the definition restate it), so a doubtful cut is rejected rather
    than guessed.
    """
    n = len(label_words)
    if n == 0:
        return None
    lowered = [norm(w) for w in label_words]
    first = lowered[0]
    imperative = first.replace("iz", "is") in verbs

    def valid(k, strength):
        if lowered[k - 1] in CONNECTORS or (k < n and lowered[k] in CONNECTORS):
            return False
        if k == 1 and not (k == n or lowered[1] == first or label_words[0][:1].isupper()):
            return False
        if imperative and strength == 2 and k >= 3 and (
                lowered[k - 1] in verbs or is_gerund(lowered[k - 1], verbs)
                or lowered[k - 1] not in lowered[k:]):
            return False  # the restated object follows a verb: "tend discharge conveyor operate"
        if imperative and strength < 3 and any(
                lowered[j] in verbs and lowered[j + 1] in ("a", "an", "the") for j in range(2, k - 1)):
            return False  # two labels run together: "create storyboards develop a storyboard"
        own = content_stems(" ".join(label_words[1 if imperative else 0:k]))
        later = set(content_stems(" ".join(label_words[k:]) + " " + " ".join(definition)))
        return all(s in later for s in own) or (k == n and n <= 3)

    def signal(k):
        """How strongly a new label starts at word k: 3 repeated first word, 2 restated object,
        1.5 one word and then the restated object, 1 another imperative verb restating the object
        soon after, 0 nothing."""
        if k == n:
            return 3 if n <= 3 else 0
        nxt = lowered[k]
        if stem(nxt) == stem(first) or stem(nxt) == stem(lowered[k - 1]):
            return 3
        if not imperative or k < 2:
            return 0
        head = set(content_stems(" ".join(label_words[1:k])))
        following = [w for w in lowered[k + 1:] if w not in CONNECTORS]
        if stem(nxt) == stem(lowered[1]):  # "prevent crop disorders crop disorder ..."
            return 2
        if k + 1 < n and stem(lowered[k + 1]) == stem(lowered[1]) and nxt not in CONNECTORS:
            return 1.5  # another verb, the same object: "follow work schedule obey work schedule"
        if nxt.endswith("ing") and is_gerund(nxt, verbs) and nxt not in following[:3]:
            return 2 if following and stem(following[0]) in head else 0  # "repairing refuse ..."
        if nxt.replace("iz", "is") in verbs:  # a bare verb, not "plans" or "acts"
            return 1 if head & set(content_stems(" ".join(following[:3]))) else 0
        return 0

    top = min(max_len, n)
    signals = [(signal(k), k) for k in range(1, top + 1)]
    for tier in (3, 2, 1.5):
        for strength, k in signals:
            if strength == tier and valid(k, strength):
                return k
    # Another bare verb is the weakest sign ("promote social change support social change" has
    # one after "social" too), so the last one within reach counts.
    for strength, k in reversed(signals):
        if strength == 1 and valid(k, strength):
            return k
    return None


# --- occupations ------------------------------------------------------------------------------

def parse_occupation(description):
    """Return (label, alt_label_text, definition_words, confidence) or None.

    The definition usually opens with the plural of the preferred label ("Metal drawing machine
    operators set up ..."), so the label is the longest start of the text whose plural starts a
    capitalised run before the first full stop; of several such runs (alternative labels can be
    plural too), the longest and then the last is the definition. Failing that, the definition
    starts at the first capitalised word and the label is what the two share, or where the first
    label visibly ends. Confidence: 2 plural match, 1 shared start, 0 label boundary.
    """
    words = words_of(description)
    if len(words) < 6 or is_titlecase(words[0]):
        return None  # ISCO groups ("Software developers  Software developers research ...")
    limit = first_sentence_end(words)
    starts = [i for i in range(1, limit + 1)
              if starts_upper(words[i]) or words[i][:1].isdigit()
              or (words[i] == words[0] and not words[0].islower())]  # "eBusiness managers ..."
    best = None  # (split index, k)
    for i in starts:
        for k in range(min(12, i), 0, -1):
            if i + k > len(words):
                continue
            head_matches = all(norm(words[j]) == norm(words[i + j]) for j in range(k - 1))
            last, last_def = norm(words[k - 1]), norm(words[i + k - 1])
            if head_matches and last_def != last and last_def in plural_forms(last):
                if best is None or k >= best[1]:
                    best = (i, k)  # the longest match, and of those the last before the full stop
                break
    if best is not None:
        i, k = best
        label_words = words[:k]
        if "/" in label_words[-1] and norm(words[i + k - 1]) in plural_forms(label_words[-1].split("/")[0]) \
                and "/" not in words[i + k - 1]:
            label_words = label_words[:-1] + [label_words[-1].split("/")[0]]  # "head waiter/head ..."
        return " ".join(label_words), " ".join(words[k:i]), words[i:], 2
    first_cap = next((i for i in starts if is_titlecase(words[i]) or words[i][:1].isdigit()), None)
    if first_cap is None:
        return None
    # "veterinary scientist ... Veterinary scientist develop ...", "software developers ...
    # Software developers research ...": the shared start is the label.
    k = 0
    while k < first_cap and first_cap + k < len(words) and norm(words[k]) == norm(words[first_cap + k]):
        k += 1
    if k >= 2 or (k == 1 and first_cap <= 3):
        label_words = words[:k]
        noun = next((j - 1 for j in range(1, k) if norm(label_words[j]) in ("for", "of", "in")), k - 1)
        label_words[noun] = singular(label_words[noun])  # "warehouse operators for clothing"
        return " ".join(label_words), " ".join(words[k:first_cap]), words[first_cap:], 1
    k = label_end(words[:first_cap], 4, definition=words[first_cap:])
    if k is None or len(set(stem(w) for w in words[:k])) < k:
        return None
    return " ".join(words[:k]), " ".join(words[k:first_cap]), words[first_cap:], 0


# --- skills -----------------------------------------------------------------------------------

DEFINITION_NAME = re.compile(
    r"^(?:The|A|An) (?:computer|software|programming|scripting|markup|query|web|open[- ]source|"
    r"integrated|database|tool|framework|platform|system|language|application|program|programme)"
    r"[\w\s-]*? ((?:[A-Z0-9][\w.+#/-]*)(?: [A-Z0-9][\w.+#/-]*){0,3}) (?:is|are|was)\b")
PARADIGMS = re.compile(r"programming paradigms in ([A-Z][\w#+-]*(?:\.[\w#+-]+)*(?: [A-Z][\w#+-]*)?)\.?\s*$")


def imperative_verbs(descriptions):
    """Words that start several skill label runs and, capitalised, several definitions: "manage"."""
    starts, definition_starts = defaultdict(int), defaultdict(int)
    for description in descriptions:
        words = words_of(description)
        if not words:
            continue
        starts[words[0].lower()] += 1
        limit = first_sentence_end(words)
        first_cap = next((w for w in words[1:limit + 1] if is_titlecase(w)), None)
        if first_cap:
            definition_starts[norm(first_cap)] += 1
    found = {w.replace("iz", "is") for w, n in starts.items()
             if n >= 2 and definition_starts[w] >= 2 and w not in NOT_VERBS and not NOUN_LIKE.search(w)}
    return frozenset(found | COMMON_VERBS)


def parse_skill(description, verbs):
    """Return a short preferred label (1-5 words) or None."""
    words = words_of(description)
    if len(words) < 3:
        return None
    text = " ".join(words)
    # "Java (computer programming) Java The techniques ..." -> "Java"
    m = re.match(r"^(.{1,40}?) \([^)]*\) ", text)
    if m and "(" not in m.group(1):
        label = m.group(1)
        return label if len(label.split()) <= 4 else None
    limit = first_sentence_end(words)
    candidates = [i for i in range(1, limit + 1) if is_titlecase(words[i])]
    if not candidates:
        return None
    split = next((i for i in candidates
                  if norm(words[i]).replace("iz", "is") in verbs or norm(words[i]) in DEFINITION_STARTERS),
                 candidates[0])
    # "JavaScript Client-side JavaScript ... programming paradigms in JavaScript." -> "JavaScript"
    m = PARADIGMS.search(text)
    if m and text.startswith(m.group(1) + " "):
        return m.group(1)
    # "SQL ... The computer language SQL is a query language ..." -> "SQL"
    m = DEFINITION_NAME.match(" ".join(words[split:]))
    if m and text.lower().startswith(m.group(1).lower() + " "):
        return text[: len(m.group(1))]
    k = label_end(words[:split], 5, verbs, words[split:])
    if k is None:
        return None
    label = " ".join(words[:k]).strip(",;:")
    if len(label) > 48:
        return None
    return label


# --- relevance --------------------------------------------------------------------------------

def tf_vector(weighted_texts, idf):
    """Log-scaled TF-IDF vector of several (text, weight) parts, normalised to length 1."""
    counts = defaultdict(float)
    for text, weight in weighted_texts:
        for s in content_stems(text):
            counts[s] += weight
    vector = {s: (1 + math.log(c)) * idf.get(s, 0.0) for s, c in counts.items() if c >= 1}
    length = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {s: v / length for s, v in vector.items()}


def tech_skills(title, available):
    """A few fitting tool and language skills for a software/IT/data title, or []."""
    lowered = title.lower()
    if TECH_EXCLUDE.search(lowered):
        return []
    pool = []
    for pattern, labels in TECH_HINTS:
        if re.search(pattern, lowered):
            pool += [available[label.lower()] for label in labels
                     if label.lower() in available and available[label.lower()] not in pool]
    if not pool:
        return []
    ranked = sorted(pool, key=lambda label: hashlib.sha1((title + "|" + label).encode()).hexdigest())
    return ranked[:4]


def pick_skills(occ_title, occ_vector, skills, index, idf, lead=()):
    """The occupation's 5-10 best skills.

    A candidate's object words (its label minus a leading verb) must mostly occur in the
    occupation's text, rare words counting most; candidates are then ranked by the TF-IDF cosine
    of the whole ESCO texts (labels, alternative labels, definitions), which tells "design data
    pipelines" from "develop store design" when both share a word with a data engineer. The
    title's head noun ("manager", "operator") does not count as a match, or every "liaise with
    managers" would suit every manager.
    """
    title_stems = content_stems(occ_title)
    head = title_stems[-1] if title_stems else None
    candidates = set()
    for s in occ_vector:
        if s != head:
            candidates.update(index.get(s, ()))
    ranked = []
    for skill_idx in candidates:
        label, verb, objects, vector = skills[skill_idx]
        total = sum(idf[s] for s in objects)
        covered = sum(idf[s] for s in objects if s in occ_vector and s != head)
        coverage = covered / total
        if coverage < 0.5:
            continue
        small, large = (vector, occ_vector) if len(vector) < len(occ_vector) else (occ_vector, vector)
        cosine = sum(v * large.get(s, 0.0) for s, v in small.items())
        tier = 0 if coverage >= 0.75 else 1
        ranked.append((tier, -cosine * (0.5 + coverage), label.lower(), skill_idx))
    ranked.sort()
    best = -ranked[0][1] if ranked else 0.0
    chosen, seen, uses = list(lead), [], defaultdict(int)
    taken = {label.lower() for label in lead}
    for tier, negative_score, _, skill_idx in ranked:
        label, _, objects, _ = skills[skill_idx]
        if label.lower() in taken:
            continue
        if (tier == 1 or -negative_score < 0.35 * best) and len(chosen) >= MIN_SKILLS:
            break
        key = frozenset(objects)
        if any(key <= other or other <= key for other in seen):
            continue  # same words as a skill already taken ("operate X" vs "maintain X")
        if any(uses[s] >= 2 for s in objects):
            continue  # variety: not five "teach ... skills"
        seen.append(key)
        for s in objects:
            uses[s] += 1
        chosen.append(label)
        if len(chosen) == MAX_SKILLS:
            break
    return chosen


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--esco", default=os.path.join("..", "shared", "data", "esco"))
    parser.add_argument("--out", default=os.path.join("Sources", "WayfinderApp", "Resources",
                                                      "demo-occupations.tsv"))
    args = parser.parse_args()

    def read(name):
        with open(os.path.join(args.esco, name), newline="", encoding="utf-8") as f:
            rows = [(r["id"], r["description"]) for r in csv.DictReader(f)]
        return sorted(rows)

    # Skills: short preferred labels plus an inverted index over their content stems.
    skill_rows = read("skills.csv")
    verbs = imperative_verbs(d for _, d in skill_rows)
    parsed_skills, seen_labels = [], set()
    for _, description in skill_rows:
        label = parse_skill(description, verbs)
        if not label:
            continue
        label = clean_field(label)
        if label[:1].isupper() and label.split()[0].lower() in verbs:
            label = label[0].lower() + label[1:]  # "Order products" -> "order products"
        stems = content_stems(label)
        imperative = label.split()[0].lower().replace("iz", "is") in verbs and len(stems) > 1
        verb, objects = (stems[0], stems[1:]) if imperative else (None, stems)
        objects = sorted(set(objects))
        if not objects or len(objects) < len(stems) - (1 if verb else 0) or \
                not (1 <= len(label.split()) <= 5) or label.lower() in seen_labels:
            continue  # a repeated word ("snowboard snowboarding") means a bad cut
        if len(label.split()) == 1 and label.islower():
            continue  # "write", "traditional": a cut too short to be sure of
        if label.split()[-1].lower() in WEAK_ENDINGS or label.endswith(("'s", "’s", "'")) or verb in objects:
            continue
        if verb and len(label.split()) == 2 and (label.split()[1].isupper() or ADJECTIVE.search(label)):
            continue  # "provide ICT", "perform live": a verb and a dangling modifier
        seen_labels.add(label.lower())
        parsed_skills.append((label, verb, objects, description))
    df = defaultdict(int)
    for _, description in skill_rows:
        for s in set(content_stems(description)):
            df[s] += 1
    idf = {s: math.log((1 + len(skill_rows)) / (1 + n)) + 1 for s, n in df.items()}
    skills, index = [], defaultdict(list)
    for label, verb, objects, description in parsed_skills:
        vector = tf_vector([(label, 2.0), (description, 1.0)], idf)
        for s in objects:
            index[s].append(len(skills))
        skills.append((label, verb, objects, vector))

    # Occupations: parse all, then keep the most confidently parsed of any titles that collide.
    available = {skill[0].lower(): skill[0] for skill in skills}
    parsed_occupations = []
    for occupation_id, description in read("occupations.csv"):
        parsed = parse_occupation(description)
        if parsed:
            parsed_occupations.append((-parsed[3], occupation_id, parsed))
    parsed_occupations.sort(key=lambda entry: entry[:2])
    lines, titles, tech = [], set(), 0
    for _, _, (label, alt_labels, definition_words, _) in parsed_occupations:
        title = display_title(clean_field(label))
        definition = trim_definition(definition_words)
        if len(title) < 3 or len(title) > 60 or len(definition) < 40 or title.lower() in titles:
            continue
        occ_vector = tf_vector([(title, 3.0), (alt_labels, 1.0), (" ".join(definition_words), 1.0)], idf)
        lead = tech_skills(title, available)
        chosen = pick_skills(title, occ_vector, skills, index, idf, lead)
        if len(chosen) < MIN_SKILLS:
            continue
        titles.add(title.lower())
        tech += bool(lead)
        lines.append(f"{title}\t{definition}\t{'|'.join(chosen)}")

    lines.sort(key=lambda line: (line.split("\t", 1)[0].lower(), line))
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(HEADER + "\n")
        for line in lines:
            f.write(line + "\n")
    size = os.path.getsize(args.out)
    print(f"{len(skills)} skill labels; {len(lines)} occupations ({tech} software/IT/data) of "
          f"{len(read('occupations.csv'))} rows; {size / 1e6:.2f} MB -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
