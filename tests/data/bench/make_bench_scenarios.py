#!/usr/bin/env python3
"""Writes bench-10-statements.jsonl: scenarios for `iamx bench` of about ten statements each,
most with conditions, the shape the engine's speed target names. Deterministic (fixed seed),
so the committed file can be regenerated exactly: python3 make_bench_scenarios.py > FILE"""
import json
import random

random.seed(20261128)
ACCOUNT = "111122223333"
SERVICES = {
    "s3": ["GetObject", "PutObject", "DeleteObject", "ListBucket", "GetBucketPolicy"],
    "ec2": ["RunInstances", "StartInstances", "StopInstances", "DescribeInstances"],
    "dynamodb": ["GetItem", "PutItem", "Query", "Scan"],
    "iam": ["CreateAccessKey", "ListUsers", "PassRole", "GetUser"],
}


def resource_for(service, i):
    return {
        "s3": f"arn:aws:s3:::bucket-{i}/reports/2026/q{i % 4 + 1}.csv",
        "ec2": f"arn:aws:ec2:eu-west-1:{ACCOUNT}:instance/i-{i:017x}",
        "dynamodb": f"arn:aws:dynamodb:eu-west-1:{ACCOUNT}:table/Orders{i % 3}",
        "iam": f"arn:aws:iam::{ACCOUNT}:user/team{i % 5}/user{i}",
    }[service]


def condition(i):
    choices = [
        {"StringEquals": {"aws:PrincipalTag/team": ["blue", "green", f"team{i % 5}"]}},
        {"StringLike": {"s3:prefix": ["home/${aws:username}/*", "shared/*"]}},
        {"IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"]}},
        {"Bool": {"aws:SecureTransport": "true"}},
        {"DateLessThan": {"aws:CurrentTime": "2027-01-01T00:00:00Z"}},
        {"NumericLessThanEquals": {"s3:max-keys": "100"}},
        {"ForAnyValue:StringEquals": {"aws:TagKeys": ["env", "owner"]}},
        {"ArnLike": {"aws:PrincipalArn": f"arn:aws:iam::{ACCOUNT}:user/team*/*"}},
        {"StringNotEqualsIfExists": {"aws:RequestedRegion": ["eu-west-1", "us-east-1"]}},
    ]
    return choices[i % len(choices)]


def statement(i, service, effect="Allow"):
    actions = [f"{service}:{a}" for a in random.sample(SERVICES[service], 2)]
    if i % 4 == 0:
        actions.append(f"{service}:Get*")
    st = {"Sid": f"S{i}", "Effect": effect, "Action": actions,
          "Resource": [resource_for(service, i).rsplit("/", 1)[0] + "/*", resource_for(service, i + 1)]}
    if i % 5 != 4:
        st["Condition"] = condition(i) | (condition(i + 3) if i % 2 else {})
    return st


def scenario(n):
    service = random.choice(list(SERVICES))
    statements = [statement(n * 10 + k, random.choice(list(SERVICES))) for k in range(7)]
    statements.append(statement(n * 10 + 7, service))
    statements.append(statement(n * 10 + 8, service, "Deny"))
    statements[-1]["Condition"] = {"Bool": {"aws:MultiFactorAuthPresent": "false"}}
    user = f"user{n}"
    action = f"{service}:{random.choice(SERVICES[service])}"
    return {
        "name": f"bench {n}: {user} {action}",
        "identityPolicies": [
            {"name": "Team", "document": {"Version": "2012-10-17", "Statement": statements[:5]}},
            {"name": "Project", "document": {"Version": "2012-10-17", "Statement": statements[5:]}},
        ],
        "permissionsBoundary": {"name": "Boundary", "document": {"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Action": ["s3:*", "ec2:*", "dynamodb:*", "iam:Get*", "iam:List*"], "Resource": "*"}]}},
        "request": {
            "principal": f"arn:aws:iam::{ACCOUNT}:user/team{n % 5}/{user}",
            "action": action,
            "resource": resource_for(service, n * 10 + 7),
            "context": {
                "aws:username": user, "aws:PrincipalTag/team": f"team{n % 5}",
                "aws:PrincipalArn": f"arn:aws:iam::{ACCOUNT}:user/team{n % 5}/{user}",
                "aws:SourceIp": f"203.0.113.{n % 250}", "aws:SecureTransport": "true",
                "aws:CurrentTime": "2026-03-01T12:00:00Z", "aws:RequestedRegion": "eu-west-1",
                "aws:MultiFactorAuthPresent": "true", "s3:prefix": f"home/{user}/docs/",
                "s3:max-keys": "50", "aws:TagKeys": ["env", "cost-center"],
            },
        },
    }


for n in range(32):
    print(json.dumps(scenario(n), separators=(",", ":")))
