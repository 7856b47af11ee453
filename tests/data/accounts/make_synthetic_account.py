#!/usr/bin/env python3
"""Writes a synthetic `aws iam get-account-authorization-details` file of any size, for the
load and who-can benchmarks (`iamx bench --account FILE`). Deterministic for a given seed.

    python3 make_synthetic_account.py --principals 75000 > big.json   # about 100 MB
    python3 make_synthetic_account.py --principals 500 --seed 7 > small.json

Principals are split 4:1 between users and roles; each has inline policies, attached
customer managed policies (several versions each), tags, groups (users) and a trust policy
(roles), in the shape and proportions of real exports."""
import argparse
import json
import random
import sys

ACCOUNT = "123456789012"
SERVICES = {
    "s3": ["GetObject", "PutObject", "DeleteObject", "ListBucket", "GetBucketPolicy", "PutBucketPolicy"],
    "ec2": ["RunInstances", "StartInstances", "StopInstances", "DescribeInstances", "TerminateInstances"],
    "dynamodb": ["GetItem", "PutItem", "Query", "Scan", "DeleteItem"],
    "iam": ["CreateAccessKey", "ListUsers", "PassRole", "GetUser", "AttachUserPolicy"],
    "lambda": ["InvokeFunction", "CreateFunction", "UpdateFunctionCode"],
    "kms": ["Decrypt", "Encrypt", "GenerateDataKey"],
    "sqs": ["SendMessage", "ReceiveMessage", "DeleteMessage"],
}
TEAMS = ["blue", "green", "red", "data", "platform", "finance", "security"]


def date(rng):
    return f"20{rng.randint(15, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z"


def statement(rng, i):
    service = rng.choice(list(SERVICES))
    actions = sorted({f"{service}:{rng.choice(SERVICES[service])}" for _ in range(rng.randint(1, 4))})
    if rng.random() < 0.2:
        actions.append(f"{service}:List*")
    resource = {
        "s3": f"arn:aws:s3:::bucket-{rng.randint(0, 999)}/*",
        "ec2": f"arn:aws:ec2:*:{ACCOUNT}:instance/*",
        "dynamodb": f"arn:aws:dynamodb:eu-west-1:{ACCOUNT}:table/T{rng.randint(0, 99)}",
        "iam": f"arn:aws:iam::{ACCOUNT}:user/${{aws:username}}",
        "lambda": f"arn:aws:lambda:eu-west-1:{ACCOUNT}:function:fn-{rng.randint(0, 99)}",
        "kms": f"arn:aws:kms:eu-west-1:{ACCOUNT}:key/*",
        "sqs": f"arn:aws:sqs:eu-west-1:{ACCOUNT}:queue-{rng.randint(0, 99)}",
    }[service]
    st = {"Sid": f"S{i}", "Effect": "Deny" if rng.random() < 0.1 else "Allow", "Action": actions,
          "Resource": [resource, "*"] if rng.random() < 0.1 else resource}
    if rng.random() < 0.4:
        st["Condition"] = rng.choice([
            {"StringEquals": {"aws:PrincipalTag/team": rng.choice(TEAMS)}},
            {"Bool": {"aws:MultiFactorAuthPresent": "true"}},
            {"IpAddress": {"aws:SourceIp": f"10.{rng.randint(0, 255)}.0.0/16"}},
            {"StringLike": {"s3:prefix": ["home/${aws:username}/*"]}},
        ])
    return st


def document(rng, statements):
    return {"Version": "2012-10-17", "Statement": [statement(rng, i) for i in range(statements)]}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--principals", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    users = args.principals * 4 // 5
    roles = args.principals - users
    groups = max(1, args.principals // 200)
    policies = max(1, args.principals // 50)
    policy_arns = [f"arn:aws:iam::{ACCOUNT}:policy/Synthetic{i}" for i in range(policies)]
    out = sys.stdout
    out.write("{\n\"UserDetailList\": [\n")
    for i in range(users):
        name = f"user{i:06d}"
        user = {
            "Path": "/" if i % 3 else f"/{rng.choice(TEAMS)}/",
            "UserName": name, "UserId": f"AIDA{i:017d}", "CreateDate": date(rng),
        }
        user["Arn"] = f"arn:aws:iam::{ACCOUNT}:user{user['Path']}{name}"
        if rng.random() < 0.8:
            user["UserPolicyList"] = [{"PolicyName": f"inline{i}", "PolicyDocument": document(rng, rng.randint(2, 6))}]
        user["GroupList"] = sorted({f"group{rng.randrange(groups):04d}" for _ in range(rng.randint(0, 2))})
        user["AttachedManagedPolicies"] = [{"PolicyName": a.rsplit("/", 1)[1], "PolicyArn": a}
                                           for a in sorted({rng.choice(policy_arns) for _ in range(rng.randint(0, 2))})]
        user["Tags"] = [{"Key": "team", "Value": rng.choice(TEAMS)}] if rng.random() < 0.7 else []
        if rng.random() < 0.05:
            user["PermissionsBoundary"] = {"PermissionsBoundaryType": "PermissionsBoundaryPolicy",
                                           "PermissionsBoundaryArn": policy_arns[0]}
        out.write(json.dumps(user) + (",\n" if i + 1 < users else "\n"))
    out.write("],\n\"GroupDetailList\": [\n")
    for i in range(groups):
        name = f"group{i:04d}"
        group = {"Path": "/", "GroupName": name, "GroupId": f"AGPA{i:017d}",
                 "Arn": f"arn:aws:iam::{ACCOUNT}:group/{name}", "CreateDate": date(rng),
                 "GroupPolicyList": [{"PolicyName": f"g{i}", "PolicyDocument": document(rng, 2)}],
                 "AttachedManagedPolicies": [{"PolicyName": policy_arns[i % policies].rsplit("/", 1)[1],
                                              "PolicyArn": policy_arns[i % policies]}]}
        out.write(json.dumps(group) + (",\n" if i + 1 < groups else "\n"))
    out.write("],\n\"RoleDetailList\": [\n")
    for i in range(roles):
        name = f"role{i:06d}"
        trusted = rng.choice([{"Service": "ec2.amazonaws.com"}, {"Service": "lambda.amazonaws.com"},
                              {"AWS": f"arn:aws:iam::{ACCOUNT}:root"}])
        role = {
            "Path": "/" if i % 4 else "/service-role/", "RoleName": name, "RoleId": f"AROA{i:017d}",
            "CreateDate": date(rng),
            "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [
                {"Effect": "Allow", "Principal": trusted, "Action": "sts:AssumeRole"}]},
            "InstanceProfileList": [],
            "RolePolicyList": [{"PolicyName": f"r{i}", "PolicyDocument": document(rng, rng.randint(3, 8))}],
            "AttachedManagedPolicies": [{"PolicyName": a.rsplit("/", 1)[1], "PolicyArn": a}
                                        for a in sorted({rng.choice(policy_arns) for _ in range(rng.randint(0, 2))})],
            "Tags": [{"Key": "team", "Value": rng.choice(TEAMS)}],
            "RoleLastUsed": {"LastUsedDate": date(rng), "Region": "eu-west-1"} if rng.random() < 0.5 else {},
        }
        role["Arn"] = f"arn:aws:iam::{ACCOUNT}:role{role['Path']}{name}"
        out.write(json.dumps(role) + (",\n" if i + 1 < roles else "\n"))
    out.write("],\n\"Policies\": [\n")
    for i, arn in enumerate(policy_arns):
        versions = rng.randint(1, 3)
        policy = {"PolicyName": arn.rsplit("/", 1)[1], "PolicyId": f"ANPA{i:017d}", "Arn": arn, "Path": "/",
                  "DefaultVersionId": f"v{versions}", "AttachmentCount": 0, "PermissionsBoundaryUsageCount": 0,
                  "IsAttachable": True, "CreateDate": date(rng), "UpdateDate": date(rng),
                  "PolicyVersionList": [{"Document": document(rng, rng.randint(2, 6)), "VersionId": f"v{v}",
                                         "IsDefaultVersion": v == versions, "CreateDate": date(rng)}
                                        for v in range(versions, 0, -1)]}
        out.write(json.dumps(policy) + (",\n" if i + 1 < len(policy_arns) else "\n"))
    out.write("]\n}\n")


if __name__ == "__main__":
    main()
