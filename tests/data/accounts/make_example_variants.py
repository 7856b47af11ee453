#!/usr/bin/env python3
"""Writes the variants of example.json (the snapshot of account-format.md §3) that the account
tests load, so they can be regenerated when the example changes:

    python3 make_example_variants.py        # run in tests/data/accounts/

- example-raw.json: the same account with every policy document (inline policies, trust
  policies, including those of roles inside instance profiles, managed policy versions)
  written as the raw IAM API returns it: compact JSON text, percent-encoded per RFC 3986
  (account-format.md §1.1; the alice inline policy matches the encoded text given there).
- example-pages/page1.json, page2.json: the same account split into two pages as
  `--no-paginate` writes them: every page has the four lists; the first page says
  IsTruncated true with a Marker, the last IsTruncated false.
"""
import json
import pathlib
import urllib.parse

HERE = pathlib.Path(__file__).resolve().parent
LISTS = ["UserDetailList", "GroupDetailList", "RoleDetailList", "Policies"]


def encode(document):
    # AWS encodes everything but the RFC 3986 unreserved characters, `+` included (%2B).
    return urllib.parse.quote(json.dumps(document, separators=(",", ":")), safe="")


def encode_inline(entity, field):
    for policy in entity.get(field, []):
        policy["PolicyDocument"] = encode(policy["PolicyDocument"])


def raw_account(account):
    raw = json.loads(json.dumps(account))
    for user in raw["UserDetailList"]:
        encode_inline(user, "UserPolicyList")
    for group in raw["GroupDetailList"]:
        encode_inline(group, "GroupPolicyList")
    for role in raw["RoleDetailList"]:
        encode_inline(role, "RolePolicyList")
        role["AssumeRolePolicyDocument"] = encode(role["AssumeRolePolicyDocument"])
        for profile in role.get("InstanceProfileList", []):
            for nested in profile.get("Roles", []):
                if "AssumeRolePolicyDocument" in nested:
                    nested["AssumeRolePolicyDocument"] = encode(nested["AssumeRolePolicyDocument"])
    for policy in raw["Policies"]:
        for version in policy["PolicyVersionList"]:
            version["Document"] = encode(version["Document"])
    return raw


def pages(account):
    # Page 1: every user and group and the first role; page 2: the other roles and policies.
    first = {
        "UserDetailList": account["UserDetailList"],
        "GroupDetailList": account["GroupDetailList"],
        "RoleDetailList": account["RoleDetailList"][:1],
        "Policies": [],
        "IsTruncated": True,
        "Marker": "AEXAMPLEMARKERcGFnZTI=",
    }
    second = {
        "UserDetailList": [],
        "GroupDetailList": [],
        "RoleDetailList": account["RoleDetailList"][1:],
        "Policies": account["Policies"],
        "IsTruncated": False,
    }
    return first, second


def write(path, value):
    path.parent.mkdir(exist_ok=True)
    path.write_text(json.dumps(value, indent=2) + "\n")


def main():
    account = json.loads((HERE / "example.json").read_text())
    assert all(name in account for name in LISTS)
    write(HERE / "example-raw.json", raw_account(account))
    first, second = pages(account)
    write(HERE / "example-pages" / "page1.json", first)
    write(HERE / "example-pages" / "page2.json", second)


if __name__ == "__main__":
    main()
