#!/usr/bin/env python3
"""Independent reference evaluator for IAM Explorer scenarios.

Written from the specification only (iam-evaluation.md and scenario-format.md in the
project's shared documents), without looking at the engine. Standard library only.

    evaluate(scenario: dict) -> {"decision": ..., "decisive": [...], "blockedBy": ...}

Each decisive entry is {"policyType", "policy", "statement", "effect"} (plus "sid" when
the statement has one). "blockedBy" is present only for implicitDeny.

Where the specification leaves a point open, the reading chosen here is marked
"READING:" in a comment.
"""

import base64
import binascii
import ipaddress
import json
import re
import sys
from datetime import datetime, timedelta, timezone
from fractions import Fraction

# ---------------------------------------------------------------------------
# Readings of points the specification leaves open. DEFAULT is this evaluator's own
# reading; compare.py re-evaluates a disagreement with the alternatives to tell an
# ambiguity of the specification from a plain bug.

DEFAULT_READINGS = {
    # NotPrincipal and "the role itself" as caller (a session whose ARN is unknown,
    # §2.1): "never" = its session level can never be listed, so a Deny+NotPrincipal
    # always applies to it; "role+account" = listing the role ARN and the account
    # exempts it.
    "role_caller_notprincipal": "never",
    # decisive statements of an allowed trust/key-policy request when both the direct
    # grant and the account-delegation path grant: "all" = both paths' statements
    # ("identity statements and/or resource-policy statements"); "direct" = only the
    # direct grant.
    "trust_kms_decisive": "all",
    # A negated Date/IP/ARN operator (DateNotEquals, NotIpAddress, ArnNot*) with a
    # policy value that does not parse (for ARN: a pattern of fewer than six
    # components): "nomatch" = the broken value "matches nothing" (scenario-format
    # warnings, §7.3 ARN row, and §8's meaning of "matches nothing" for negated
    # operators), so the negated test is true when no other value matches; "false" =
    # the §7.3 Numeric rule ("an unparsable value never satisfies the condition,
    # whatever its polarity") extended to every family. Numeric always uses its rule.
    "negated_bad_policy_value": "nomatch",
    # Date operators and epoch seconds with a fraction ("1.5"): "reject" = epoch seconds
    # are an integer; "accept" = any decimal number of seconds.
    "epoch_fraction": "reject",
    # Date operators and a value of exactly four digits ("3600"): "epoch" = epoch
    # seconds; "year" = the W3C-profile year YYYY (3600-01-01T00:00:00Z).
    "date_four_digits": "epoch",
    # Not a reading but a model of an engine deviation, used by compare.py only to group
    # disagreements: "unicode" = Unicode simple lower-case mapping (§7.3 "simple
    # lower-casing"); "engine-table" = what the engine was observed to do: fold only
    # ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic.
    "lowercase": "unicode",
    # Likewise for condition key names (and so variable names): "unicode" per §7.1;
    # "ascii" = what the engine was observed to do, folding only A-Z in key names.
    "key_lowercase": "unicode",
}
READINGS = dict(DEFAULT_READINGS)

# ---------------------------------------------------------------------------
# Glob matching (implemented directly, no regex: spec §11)
#
# A pattern is a list of tokens: ("L", ch) literal character, ("S",) any run of
# characters (possibly empty), ("Q",) exactly one character.

STAR = ("S",)
QMARK = ("Q",)


def glob_tokens(text):
    """Pattern tokens of plain policy text: * and ? are wildcards."""
    out = []
    for ch in text:
        if ch == "*":
            out.append(STAR)
        elif ch == "?":
            out.append(QMARK)
        else:
            out.append(("L", ch))
    return out


def literal_tokens(text):
    return [("L", ch) for ch in text]


def tokens_text(tokens):
    """The text of a token list when wildcards are literal (StringEquals & co)."""
    return "".join("*" if t is STAR else "?" if t is QMARK else t[1] for t in tokens)


def simple_lower(text):
    """Unicode simple lower-case mapping, character by character (no SpecialCasing:
    no final-sigma rule, U+0130 maps to i, nothing expands)."""
    out = []
    table = READINGS["lowercase"] == "engine-table"
    for ch in text:
        cp = ord(ch)
        if table and not (cp < 0x180 or 0x370 <= cp < 0x530):
            out.append(ch)
            continue
        low = ch.lower()
        if len(low) != 1:
            low = "i" if ch == "\u0130" else ch
        out.append(low)
    return "".join(out)


def glob_match(tokens, text, fold=False):
    if fold:
        tokens = [t if t[0] != "L" else ("L", simple_lower(t[1])) for t in tokens]
        text = simple_lower(text)
    p = t = 0
    star = -1
    mark = 0
    n = len(tokens)
    while t < len(text):
        if p < n and (tokens[p] is QMARK or tokens[p][0] == "Q"
                      or (tokens[p][0] == "L" and tokens[p][1] == text[t])):
            p += 1
            t += 1
        elif p < n and tokens[p][0] == "S":
            star = p
            mark = t
            p += 1
        elif star != -1:
            p = star + 1
            mark += 1
            t = mark
        else:
            return False
    while p < n and tokens[p][0] == "S":
        p += 1
    return p == n


def split_tokens(tokens, sep, maxsplit):
    """Split a token list at literal `sep` characters, at most maxsplit times."""
    parts = [[]]
    for tok in tokens:
        if tok[0] == "L" and tok[1] == sep and len(parts) <= maxsplit:
            parts.append([])
        else:
            parts[-1].append(tok)
    return parts


# ---------------------------------------------------------------------------
# Request context (keys case-insensitive, §7.1)

class Context:
    def __init__(self, raw):
        self.values = {}
        for k, v in (raw or {}).items():
            self.values[self.fold(k)] = v

    @staticmethod
    def fold(key):
        if READINGS["key_lowercase"] == "ascii":
            return "".join(c.lower() if "A" <= c <= "Z" else c for c in key)
        return simple_lower(key)

    def get(self, key):
        """None when absent; a str, or a list for a multi-valued key."""
        return self.values.get(self.fold(key))


# ---------------------------------------------------------------------------
# Policy variables (§8)

_ESCAPES = {"*": "*", "?": "?", "$": "$"}


def substitute(text, ctx, variables_on, glob=True):
    """Token list of a policy string after variable substitution, or None when a
    variable cannot be resolved. Substituted text is literal (never a glob)."""
    make = glob_tokens if glob else literal_tokens
    if not variables_on or "${" not in text:
        return make(text)
    out = []
    i = 0
    while i < len(text):
        j = text.find("${", i)
        if j < 0:
            out.extend(make(text[i:]))
            break
        out.extend(make(text[i:j]))
        k = text.find("}", j + 2)
        if k < 0:  # unterminated: literal text
            out.extend(make(text[j:]))
            break
        body = text[j + 2:k]
        i = k + 1
        if body in _ESCAPES:
            out.extend(literal_tokens(_ESCAPES[body]))
            continue
        default = None
        m = re.fullmatch(r"(.*?), '(.*)'", body, re.S)
        if m:
            body, default = m.group(1), m.group(2)
        value = ctx.get(body)
        if value is None:
            if default is None:
                return None
            value = default
        elif isinstance(value, list):
            return None  # multi-valued keys never resolve
        out.extend(literal_tokens(value))
    return out


# ---------------------------------------------------------------------------
# ARN matching (§6)

def match_resource_entry(entry, resource, ctx, variables_on):
    if entry == "*":
        return True
    if resource == "*":
        return False  # only "*" matches a "*" resource (§6 rule 2)
    tokens = substitute(entry, ctx, variables_on)
    if tokens is None:
        return False  # unresolved variable: entry matches nothing (§6 rule 6)
    return arn_glob(tokens, resource)


def arn_glob(tokens, value):
    """Glob per ARN component (six components, the last spans the remainder)."""
    pparts = split_tokens(tokens, ":", 5)
    vparts = value.split(":", 5)
    if len(pparts) < 6 or len(vparts) < 6:
        # READING: short patterns are undocumented (§6 rule 7); they are not generated.
        return False
    return all(glob_match(p, v) for p, v in zip(pparts, vparts))


# ---------------------------------------------------------------------------
# Action matching (§5)

def match_action_entry(entry, action):
    if entry == "*":
        return True
    if ":" not in entry or ":" not in action:
        return False
    psvc, pname = entry.split(":", 1)
    asvc, aname = action.split(":", 1)
    if simple_lower(psvc) != simple_lower(asvc):
        return False
    return glob_match(glob_tokens(pname), aname, fold=True)


# ---------------------------------------------------------------------------
# Condition value parsers (§7.3, scenario-format "Meaning of the request")

_DEC_RE = re.compile(r"-?[0-9]+(\.[0-9]+)?")


def parse_number(s):
    if not isinstance(s, str) or not _DEC_RE.fullmatch(s):
        return None
    return Fraction(s)


# ISO 8601, W3C profile (YYYY-MM, YYYY-MM-DD, date and hh:mm[:ss[.s]]), offset optional
# for a time (scenario-format: "with optional fraction and offset"; none = UTC). A bare
# YYYY is not accepted: it cannot be told from epoch seconds (not generated).
_ISO_RE = re.compile(
    r"(\d{4})-(\d{2})(?:-(\d{2})"
    r"(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?)?")
_EPOCH_RE = re.compile(r"-?\d+")
_EPOCH0 = datetime(1970, 1, 1, tzinfo=timezone.utc)


def parse_date(s):
    """Instant as a Fraction of epoch seconds, or None."""
    if not isinstance(s, str):
        return None
    if re.fullmatch(r"\d{4}", s) and READINGS["date_four_digits"] == "year":
        s = s + "-01"
    if _EPOCH_RE.fullmatch(s):
        return Fraction(int(s))
    if READINGS["epoch_fraction"] == "accept" and _DEC_RE.fullmatch(s):
        return Fraction(s)
    m = _ISO_RE.fullmatch(s)
    if not m:
        return None
    y, mo, d, hh, mi, ss, frac, tz = m.groups()
    try:
        dt = datetime(int(y), int(mo), int(d or 1), int(hh or 0), int(mi or 0),
                      int(ss or 0), tzinfo=timezone.utc)
    except ValueError:
        return None
    if tz and tz != "Z":
        sign = 1 if tz[0] == "+" else -1
        oh, om = int(tz[1:3]), int(tz[4:6])
        if oh > 23 or om > 59:
            return None
        dt -= sign * timedelta(hours=oh, minutes=om)
    secs = (dt - _EPOCH0)
    value = Fraction(secs.days * 86400 + secs.seconds)
    if frac:
        value += Fraction(frac[1:]) / (10 ** (len(frac) - 1))
    return value


def parse_bool(s):
    if isinstance(s, str) and s.lower() in ("true", "false"):
        return s.lower() == "true"
    return None


def parse_ip_address(s):
    if not isinstance(s, str):
        return None
    try:
        return ipaddress.ip_address(s)
    except ValueError:
        return None


def parse_ip_network(s):
    if not isinstance(s, str):
        return None
    try:
        return ipaddress.ip_network(s, strict=True)
    except ValueError:
        return None


def parse_base64(s):
    if not isinstance(s, str):
        return None
    try:
        return base64.b64decode(s, validate=True)
    except (binascii.Error, ValueError):
        return None


# ---------------------------------------------------------------------------
# Conditions (§7)

BASE_OPS = {
    # name: (family, negated)
    "StringEquals": ("str", False), "StringNotEquals": ("str", True),
    "StringEqualsIgnoreCase": ("stri", False), "StringNotEqualsIgnoreCase": ("stri", True),
    "StringLike": ("strlike", False), "StringNotLike": ("strlike", True),
    "NumericEquals": ("num", False), "NumericNotEquals": ("num", True),
    "NumericLessThan": ("num", False), "NumericLessThanEquals": ("num", False),
    "NumericGreaterThan": ("num", False), "NumericGreaterThanEquals": ("num", False),
    "DateEquals": ("date", False), "DateNotEquals": ("date", True),
    "DateLessThan": ("date", False), "DateLessThanEquals": ("date", False),
    "DateGreaterThan": ("date", False), "DateGreaterThanEquals": ("date", False),
    "Bool": ("bool", False),
    "BinaryEquals": ("bin", False),
    "IpAddress": ("ip", False), "NotIpAddress": ("ip", True),
    "ArnEquals": ("arn", False), "ArnLike": ("arn", False),
    "ArnNotEquals": ("arn", True), "ArnNotLike": ("arn", True),
    "Null": ("null", False),
}


def parse_operator(op):
    """(prefix, base, ifexists) or None for an unknown operator."""
    prefix = None
    for p in ("ForAllValues:", "ForAnyValue:"):
        if op.startswith(p):
            prefix = p[:-1]
            op = op[len(p):]
            break
    ifexists = False
    if op.endswith("IfExists") and op != "IfExists":
        ifexists = True
        op = op[:-len("IfExists")]
    if op not in BASE_OPS:
        return None
    if op == "Null" and ifexists:
        return None
    return prefix, op, ifexists


def json_scalar_text(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return json.dumps(v)
    return v


def _cmp(base, a, b):
    if base.endswith("LessThanEquals"):
        return a <= b
    if base.endswith("LessThan"):
        return a < b
    if base.endswith("GreaterThanEquals"):
        return a >= b
    if base.endswith("GreaterThan"):
        return a > b
    if base.endswith("Equals"):  # Equals, NotEquals (negation applied by the caller)
        return a == b
    raise ValueError(base)


def single_value_test(base, value, policy_values, ctx, variables_on):
    """op(v, values) for one request value v (§7.4): True/False."""
    family, negated = BASE_OPS[base]
    matched = False
    broken = False  # a comparison that could not be made (unparsable side)
    if family in ("num", "date"):
        parse = parse_number if family == "num" else parse_date
        v = parse(value)
        if v is None:
            return False  # unparsable request value: never satisfies, either polarity
        for pv in policy_values:
            p = parse(pv)
            if p is None:
                broken = True
                continue
            if _cmp(base, v, p):
                matched = True
    elif family == "bool":
        v = parse_bool(value)
        if v is None:
            return False
        for pv in policy_values:
            toks = substitute(pv, ctx, variables_on, glob=False)  # §12.4: accepted
            if toks is None:
                continue
            p = parse_bool(tokens_text(toks))
            if p is None:
                broken = True
                continue
            if p == v:
                matched = True
    elif family == "bin":
        v = value.encode("utf-8")
        for pv in policy_values:
            p = parse_base64(pv)
            if p is None:
                broken = True
                continue
            if p == v:
                matched = True
    elif family == "ip":
        v = parse_ip_address(value)
        if v is None:
            return False
        for pv in policy_values:
            p = parse_ip_network(pv)
            if p is None:
                broken = True
                continue
            if p.version == v.version and v in p:
                matched = True
    elif family == "arn":
        if not value.startswith("arn:") or len(value.split(":", 5)) < 6:
            return False  # request value not an ARN: false, also for negated forms
        for pv in policy_values:
            toks = substitute(pv, ctx, variables_on)
            if toks is None:
                continue  # unresolved variable matches nothing
            if len(split_tokens(toks, ":", 5)) < 6:
                broken = True
                continue
            if arn_glob(toks, value):
                matched = True
    else:  # string families
        for pv in policy_values:
            if family == "strlike":
                toks = substitute(pv, ctx, variables_on, glob=True)
                if toks is not None and glob_match(toks, value):
                    matched = True
            else:
                toks = substitute(pv, ctx, variables_on, glob=False)
                if toks is None:
                    continue
                text = tokens_text(toks)
                if family == "str" and text == value:
                    matched = True
                if family == "stri" and simple_lower(text) == simple_lower(value):
                    matched = True
    if negated:
        # An unparsable policy value: Numeric never satisfies, whatever the polarity
        # (§7.3); other families see READINGS["negated_bad_policy_value"].
        if broken and (family == "num"
                       or READINGS["negated_bad_policy_value"] == "false"):
            return False
        return not matched
    return matched


def _is_empty(v):
    if isinstance(v, list):
        return all(x == "" for x in v)
    return v == ""


def condition_key_test(op, key, raw_values, ctx, variables_on):
    prefix, base, ifexists = parse_operator(op)
    values = raw_values if isinstance(raw_values, list) else [raw_values]
    values = [json_scalar_text(v) for v in values]
    if not values:
        return False  # empty array: matches nothing (scenario-format warnings)
    cv = ctx.get(key)
    if base == "Null":
        # Null: true = absent (or empty), false = present and non-empty. Set
        # qualifiers behave as plain Null (§7.4).
        absent = cv is None or _is_empty(cv)
        res = False
        for v in values:
            if v == "true" and absent:
                res = True
            if v == "false" and not absent:
                res = True
        return res
    if cv is None:
        if ifexists:
            return True
        if prefix == "ForAllValues":
            return True
        if prefix == "ForAnyValue":
            return False
        return BASE_OPS[base][1]  # negated → true, positive → false
    if prefix is None:
        if isinstance(cv, list):
            return False  # plain operator on a multi-valued key: false (§7.4)
        return single_value_test(base, cv, values, ctx, variables_on)
    vs = cv if isinstance(cv, list) else [cv]
    if _is_empty(vs):
        return prefix == "ForAllValues"
    results = (single_value_test(base, v, values, ctx, variables_on) for v in vs)
    return all(results) if prefix == "ForAllValues" else any(results)


def conditions_match(cond, ctx, variables_on):
    if not cond:
        return True
    for op, block in cond.items():
        for key, vals in block.items():
            if not condition_key_test(op, key, vals, ctx, variables_on):
                return False
    return True


# ---------------------------------------------------------------------------
# Principals (§4, §2.7)

ACCOUNT_RE = re.compile(r"\d{12}")


class Caller:
    """kind ∈ user, role (the role itself, session ARN unknown), session, federated,
    root, service, anonymous."""

    def __init__(self, text):
        self.text = text
        self.kind = None
        self.account = None
        self.partition = None
        self.name = None       # user name, role name, federated name
        self.session = None
        m = re.fullmatch(r"arn:([^:]+):iam::(\d{12}):(user|role)/(.+)", text)
        if m:
            self.partition, self.account = m.group(1), m.group(2)
            self.kind = m.group(3)
            self.name = m.group(4).rsplit("/", 1)[-1]
            return
        m = re.fullmatch(r"arn:([^:]+):iam::(\d{12}):root", text)
        if m:
            self.partition, self.account, self.kind = m.group(1), m.group(2), "root"
            return
        m = re.fullmatch(r"arn:([^:]+):sts::(\d{12}):assumed-role/([^/]+)/(.+)", text)
        if m:
            self.partition, self.account = m.group(1), m.group(2)
            self.kind, self.name, self.session = "session", m.group(3), m.group(4)
            return
        m = re.fullmatch(r"arn:([^:]+):sts::(\d{12}):federated-user/(.+)", text)
        if m:
            self.partition, self.account = m.group(1), m.group(2)
            self.kind, self.name = "federated", m.group(3)
            return
        if text == "anonymous":
            self.kind = "anonymous"
            return
        if "." in text and ":" not in text and "/" not in text:
            self.kind = "service"
            return
        raise ValueError("unrecognised principal: " + text)

    @property
    def is_role_session(self):
        return self.kind in ("session", "role")


def classify_aws_entry(entry):
    if entry == "*":
        return ("wild",)
    if ACCOUNT_RE.fullmatch(entry):
        return ("account", None, entry)
    m = re.fullmatch(r"arn:([^:]+):iam::(\d{12}):root", entry)
    if m:
        return ("account", m.group(1), m.group(2))
    m = re.fullmatch(r"arn:([^:]+):iam::(\d{12}):user/(.+)", entry)
    if m:
        return ("user", m.group(1), m.group(2), m.group(3).rsplit("/", 1)[-1], entry)
    m = re.fullmatch(r"arn:([^:]+):iam::(\d{12}):role/(.+)", entry)
    if m:
        return ("role", m.group(1), m.group(2), m.group(3).rsplit("/", 1)[-1])
    m = re.fullmatch(r"arn:([^:]+):sts::(\d{12}):assumed-role/([^/]+)/(.+)", entry)
    if m:
        return ("session", entry)
    m = re.fullmatch(r"arn:([^:]+):sts::(\d{12}):federated-user/(.+)", entry)
    if m:
        return ("fed", entry)
    return ("none",)


def principal_entries(principal):
    """(kind, value) pairs of a Principal/NotPrincipal element."""
    if principal == "*":
        return [("AWS", "*")]
    out = []
    for k, v in principal.items():
        vs = v if isinstance(v, list) else [v]
        for x in vs:
            out.append((k, x))
    return out


# Match strengths: "strong" escapes identity, boundary and session implicit denies;
# "limited" (role ARN → its sessions, user ARN → its federated sessions) escapes only
# the identity implicit deny; "account" is delegation, not a grant (§2.4).

def entry_match(kind, value, caller):
    if kind == "AWS":
        c = classify_aws_entry(value)
        if c[0] == "wild":
            return "strong"
        if caller.kind in ("anonymous", "service"):
            return None
        if c[0] == "account":
            if c[2] == caller.account and (c[1] is None or c[1] == caller.partition):
                return "account"
            return None
        if c[0] == "user":
            if caller.kind == "user" and value == caller.text:
                return "strong"
            # READING: a federated-user session belongs to the user of the same name in
            # the same account (GetFederationToken called with the user's own name).
            if (caller.kind == "federated" and c[1] == caller.partition
                    and c[2] == caller.account and c[3] == caller.name):
                return "limited"
            return None
        if c[0] == "role":
            if (caller.is_role_session and c[1] == caller.partition
                    and c[2] == caller.account and c[3] == caller.name):
                return "limited"
            return None
        if c[0] == "session":
            return "strong" if caller.kind == "session" and value == caller.text else None
        if c[0] == "fed":
            return "strong" if caller.kind == "federated" and value == caller.text else None
        return None
    if kind == "Service":
        return "strong" if caller.kind == "service" and value == caller.text else None
    return None  # Federated, CanonicalUser: never our callers


_RANK = {None: 0, "account": 1, "limited": 2, "strong": 3}


def best_match(principal, caller):
    best = None
    for kind, value in principal_entries(principal):
        m = entry_match(kind, value, caller)
        if _RANK[m] > _RANK[best]:
            best = m
    return best


def not_principal_listed(not_principal, caller):
    """Is the caller listed in a NotPrincipal at every level of its identity chain
    (§2.7)? The element inverts only its own match (§3), so the same test serves Deny
    and the legacy Allow."""
    entries = principal_entries(not_principal)

    def listed(pred):
        return any(pred(k, v) for k, v in entries)

    def account_listed(k, v):
        return k == "AWS" and entry_match(k, v, caller) == "account"

    def own_arn(k, v):
        return k == "AWS" and v == caller.text

    if caller.kind == "anonymous":
        return False
    if caller.kind == "service":
        return listed(lambda k, v: k == "Service" and v == caller.text)
    if caller.kind == "root":
        return listed(account_listed)
    if caller.kind in ("user", "federated"):
        return listed(account_listed) and listed(own_arn)
    if caller.kind == "session":
        return (listed(account_listed)
                and listed(lambda k, v: k == "AWS" and classify_aws_entry(v)[0] == "role"
                           and entry_match(k, v, caller) == "limited")
                and listed(own_arn))
    if caller.kind == "role":
        # READING (role_caller_notprincipal): the role itself is a session whose ARN is
        # unknown, so its session level can never be listed.
        if READINGS["role_caller_notprincipal"] == "role+account":
            return (listed(account_listed)
                    and listed(lambda k, v: k == "AWS" and classify_aws_entry(v)[0] == "role"
                               and entry_match(k, v, caller) == "limited"))
        return False
    return False


def not_principal_match(not_principal, effect, caller, has_boundary):
    """Strength with which a NotPrincipal statement applies to the caller, or None."""
    if not principal_entries(not_principal):
        return None  # READING: an empty array matches nothing, as in NotAction/NotResource
    if (effect == "Deny" and has_boundary
            and caller.kind in ("user", "session", "role")):
        return "strong"  # documented anomaly: always denies a user/role with a boundary
    if not_principal_listed(not_principal, caller):
        return None
    return "strong"  # everyone else, including anonymous


# ---------------------------------------------------------------------------
# Policies

class Stmt:
    def __init__(self, ptype, pname, index, raw, variables_on):
        self.ptype = ptype
        self.pname = pname
        self.index = index
        self.raw = raw
        self.effect = raw["Effect"]
        self.sid = raw.get("Sid")
        self.variables_on = variables_on

    def decisive(self):
        d = {"policyType": self.ptype, "policy": self.pname, "statement": self.index,
             "effect": self.effect}
        if self.sid is not None:
            d["sid"] = self.sid
        return d


def policy_statements(ptype, entry, default_name):
    doc = entry["document"]
    name = entry.get("name", default_name)
    variables_on = doc.get("Version") == "2012-10-17"
    st = doc["Statement"]
    lst = st if isinstance(st, list) else [st]
    return [Stmt(ptype, name, i, s, variables_on) for i, s in enumerate(lst)]


def _as_list(v):
    return v if isinstance(v, list) else [v]


def action_matches(s, action):
    if "Action" in s.raw:
        entries = _as_list(s.raw["Action"])
        return any(match_action_entry(e, action) for e in entries)
    entries = _as_list(s.raw["NotAction"])
    if not entries:
        return False  # READING: an empty array matches nothing, also in NotAction
    return not any(match_action_entry(e, action) for e in entries)


def resource_matches(s, resource, ctx):
    if "Resource" in s.raw:
        entries = _as_list(s.raw["Resource"])
        return any(match_resource_entry(e, resource, ctx, s.variables_on) for e in entries)
    if "NotResource" in s.raw:
        entries = _as_list(s.raw["NotResource"])
        if not entries:
            return False  # READING: an empty array matches nothing
        return not any(match_resource_entry(e, resource, ctx, s.variables_on)
                       for e in entries)
    return True  # trust policy: the resource is the role


def statement_matches(s, action, resource, ctx):
    return (action_matches(s, action) and resource_matches(s, resource, ctx)
            and conditions_match(s.raw.get("Condition"), ctx, s.variables_on))


# ---------------------------------------------------------------------------
# The decision (§2)

TRUST_ACTIONS = ("sts:assumerole", "sts:assumerolewithsaml", "sts:assumerolewithwebidentity",
                 "sts:tagsession", "sts:setsourceidentity")
ASSUME_ACTIONS = TRUST_ACTIONS[:3]


def _account_of_arn(arn):
    parts = arn.split(":", 5)
    if len(parts) == 6 and parts[0] == "arn" and ACCOUNT_RE.fullmatch(parts[4]):
        return parts[4]
    return None


def _partition_of_arn(arn):
    parts = arn.split(":", 5)
    if len(parts) == 6 and parts[0] == "arn":
        return parts[1]
    return None


def evaluate(sc, readings=None):
    """The decision for one scenario; `readings` overrides DEFAULT_READINGS."""
    global READINGS
    saved = READINGS
    READINGS = dict(DEFAULT_READINGS, **(readings or {}))
    try:
        return _evaluate(sc)
    finally:
        READINGS = saved


def _evaluate(sc):
    req = sc["request"]
    caller = Caller(req["principal"])
    action = req["action"]
    resource = req["resource"]
    ctx = Context(req.get("context"))
    lower_action = action.lower()

    res_account = req.get("resourceAccount") or _account_of_arn(resource) or caller.account
    is_role_res = bool(re.fullmatch(r"arn:[^:]+:iam::\d{12}:role/.+", resource))
    is_trust = is_role_res and lower_action in TRUST_ACTIONS
    is_key = bool(re.fullmatch(r"arn:[^:]+:kms:[^:]*:\d{12}:key/.+", resource))
    authenticated = caller.kind != "anonymous"

    # 1. Special action
    if lower_action == "sts:getcalleridentity" and authenticated:
        return {"decision": "allowed", "decisive": []}

    has_boundary = "permissionsBoundary" in sc
    has_session = "sessionPolicy" in sc

    identity = []
    for i, p in enumerate(sc.get("identityPolicies", [])):
        identity += policy_statements("identity", p, "identityPolicies[%d]" % i)
    boundary = (policy_statements("permissionsBoundary", sc["permissionsBoundary"],
                                  "permissionsBoundary") if has_boundary else [])
    session = (policy_statements("session", sc["sessionPolicy"], "sessionPolicy")
               if has_session else [])
    resource_stmts = (policy_statements("resource", sc["resourcePolicy"], "resourcePolicy")
                      if "resourcePolicy" in sc else [])
    scp_levels = []
    for li, level in enumerate(sc.get("serviceControlPolicies") or []):
        stmts = []
        for pi, p in enumerate(level):
            stmts += policy_statements("scp", p,
                                       "serviceControlPolicies[%d][%d]" % (li, pi))
        scp_levels.append(stmts)
    rcp_levels = []
    for li, level in enumerate(sc.get("resourceControlPolicies") or []):
        stmts = []
        for pi, p in enumerate(level):
            stmts += policy_statements("rcp", p,
                                       "resourceControlPolicies[%d][%d]" % (li, pi))
        rcp_levels.append(stmts)

    scps_apply = bool(scp_levels) and caller.kind not in ("service", "anonymous")

    def m(s):
        return statement_matches(s, action, resource, ctx)

    # Resource-policy statements: principal match first.
    def res_principal(s):
        if "Principal" in s.raw:
            return best_match(s.raw["Principal"], caller)
        if "NotPrincipal" in s.raw:
            return not_principal_match(s.raw["NotPrincipal"], s.effect, caller, has_boundary)
        return None

    def rcp_principal(s):
        if "Principal" in s.raw:
            return best_match(s.raw["Principal"], caller)
        return "strong"  # READING: an RCP statement without Principal applies to all

    # 2. Explicit deny
    denies = []
    for group in (identity, boundary, session):
        denies += [s for s in group if s.effect == "Deny" and m(s)]
    denies += [s for s in resource_stmts
               if s.effect == "Deny" and res_principal(s) is not None and m(s)]
    if scps_apply:
        for level in scp_levels:
            denies += [s for s in level if s.effect == "Deny" and m(s)]
    for level in rcp_levels:
        denies += [s for s in level
                   if s.effect == "Deny" and rcp_principal(s) is not None and m(s)]
    if denies:
        return {"decision": "explicitDeny", "decisive": [s.decisive() for s in denies]}

    def implicit(gate):
        return {"decision": "implicitDeny", "decisive": [], "blockedBy": gate}

    # 3. RCP gate: the implicit RCPFullAWSAccess allows at every level.
    # 4. SCP gate
    if scps_apply:
        for level in scp_levels:
            if not any(s.effect == "Allow" and m(s) for s in level):
                return implicit("scp")

    # 5. Grants
    id_allows = [s for s in identity if s.effect == "Allow" and m(s)]
    boundary_ok = (not has_boundary) or any(s.effect == "Allow" and m(s) for s in boundary)
    if has_session:
        session_ok = any(s.effect == "Allow" and m(s) for s in session)
    else:
        session_ok = caller.kind != "federated"
    limits_ok = boundary_ok and session_ok

    res_allows = []  # (stmt, strength)
    for s in resource_stmts:
        if s.effect != "Allow":
            continue
        pm = res_principal(s)
        if pm is not None and m(s):
            res_allows.append((s, pm))
    strong = [s for s, k in res_allows if k == "strong"]
    limited = [s for s, k in res_allows if k == "limited"]
    acct = [s for s, k in res_allows if k == "account"]

    def allowed(stmts):
        seen = []
        for s in stmts:
            if s not in seen:
                seen.append(s)
        return {"decision": "allowed", "decisive": [s.decisive() for s in seen]}

    if caller.kind in ("service", "anonymous"):
        if res_allows:
            return allowed([s for s, _ in res_allows])
        return implicit("resource")

    if caller.kind == "root" and lower_action in ASSUME_ACTIONS:
        return implicit("identity")

    cross = caller.account != res_account
    if not cross and _partition_of_arn(resource) not in (None, caller.partition):
        cross = True
    if cross:
        if _partition_of_arn(resource) not in (None, caller.partition):
            # Partitions never mix (§2.3). READING: reported at the resource gate.
            return implicit("resource")
        if not res_allows:
            return implicit("resource")
        if caller.kind == "root":
            return allowed([s for s, _ in res_allows])
        if not id_allows:
            return implicit("identity")
        if not boundary_ok:
            return implicit("permissionsBoundary")
        if not session_ok:
            return implicit("session")
        return allowed(id_allows + [s for s, _ in res_allows])

    if caller.kind == "root":
        # Root: the identity path is always satisfied in its own account.
        if is_trust or is_key:
            direct_root = strong + limited
            if READINGS["trust_kms_decisive"] == "direct" and direct_root:
                return allowed(direct_root)
            if direct_root or acct:
                return allowed(direct_root + acct)
            return implicit("resource")
        return allowed(strong + limited)

    direct = strong + (limited if limits_ok else [])
    if is_trust or is_key:
        id_path = bool(acct) and bool(id_allows) and limits_ok
        if direct and READINGS["trust_kms_decisive"] == "direct":
            return allowed(direct)
        if direct or id_path:
            return allowed(direct + ((acct + id_allows) if id_path else []))
        if not (strong or limited or acct):
            return implicit("resource")
        if not (limited or id_allows):
            return implicit("identity")
        if not boundary_ok:
            return implicit("permissionsBoundary")
        return implicit("session")

    id_ok = bool(id_allows) and limits_ok
    if id_ok or direct:
        return allowed((id_allows if id_ok else []) + direct)
    if not (id_allows or limited):
        return implicit("identity")
    if not boundary_ok:
        return implicit("permissionsBoundary")
    return implicit("session")


# ---------------------------------------------------------------------------

def main(argv):
    path = argv[1] if len(argv) > 1 else "-"
    fh = sys.stdin if path == "-" else open(path, encoding="utf-8")
    with fh:
        for line in fh:
            line = line.strip()
            if not line:
                continue
            sc = json.loads(line)
            out = {"name": sc.get("name")}
            out.update(evaluate(sc))
            print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv)
