#include "app/cli/arguments.h"
#include "app/cli/commands.h"
#include "model/accountfindings.h"
#include "model/accountio.h"
#include "model/json.h"
#include "model/policyvalidator.h"

#include <algorithm>
#include <iterator>
#include <optional>

namespace iamx::cli {
namespace {

constexpr const char *validateHelp =
        R"(Usage: iamx validate [--policy-type T] [--resource-arn ARN] [--sensitive ARN]... [--json] FILE...
       iamx validate --account FILE [--account FILE...] [--json]
       iamx validate --list-checks [--json]

Validates IAM policy documents the way IAM Access Analyzer does, offline: grammar, actions,
resources and condition keys against the built-in AWS catalog, and checks of what is risky
(SECURITY_WARNING), does not work as written (WARNING) or could be simpler (SUGGESTION).

T is what the policies are attached as: identity (the default), resource, trust,
permissionsBoundary, session, scp or rcp. '-' reads standard input.

--resource-arn ARN names the resource a resource policy is attached to (implies
--policy-type resource): its actions and resources must then be of that resource's service.
Without it, the service is the one all the policy's Resource entries name, if they agree.

--sensitive ARN (repeatable; `*` and `?` allowed) names a resource to guard: an Allow that
reaches it is a SENSITIVE_ACCESS security warning.

Prints one line per finding, FILE:LINE:COLUMN: severity: message [CODE], with severity one
of error, security-warning, warning, suggestion. With --json, prints one line per file:
{"file": PATH, "findings": [{"severity": "ERROR", "code": "INVALID_EFFECT", "message": ...,
"pointer": "/Statement/0/Effect", "line": 3, "column": 17, "endLine": 3, "endColumn": 26}]}
(the end is just past the finding's last character). The README lists every check.

With --account, validates every policy document of the account (customer managed policies'
default versions, inline and trust policies, resource policies, SCPs and RCPs, each as what it
is attached as; AWS managed policies are AWS's) at its place in the account file, and adds the
checks only the whole account allows: UNUSED_MANAGED_POLICY, TRUST_POLICY_UNKNOWN_PRINCIPAL,
RESOURCE_POLICY_UNKNOWN_PRINCIPAL, DUPLICATE_INLINE_POLICY, SHADOWED_ALLOW_STATEMENT,
DENY_NEVER_MATCHES, BOUNDARY_DOES_NOT_CAP_RISKY_PERMISSION, INLINE_POLICIES_EXCEED_QUOTA and
POLICY_SIZE_NEAR_QUOTA. With --json the findings are one line for the account's first file.

--list-checks prints every check of a single document: its severity, code and what it finds
(with --json, one object per line).

Exit status: 0 when no file has an ERROR finding, 1 when one has (or cannot be read),
2 usage error.
)";

std::string jsonLine(const std::string &file, const std::vector<Diagnostic> &findings)
{
    std::string line = "{\"file\": ";
    json::appendQuoted(line, file);
    line += ", \"findings\": [";
    for (size_t i = 0; i < findings.size(); ++i) {
        const Diagnostic &d = findings[i];
        line += i ? ", {\"severity\": " : "{\"severity\": ";
        json::appendQuoted(line, severityCode(d.severity));
        line += ", \"code\": ";
        json::appendQuoted(line, d.code);
        line += ", \"message\": ";
        json::appendQuoted(line, d.message);
        line += ", \"pointer\": ";
        json::appendQuoted(line, d.pointer);
        line += ", \"line\": " + std::to_string(d.where.line)
                + ", \"column\": " + std::to_string(d.where.column)
                + ", \"endLine\": " + std::to_string(d.where.endLine)
                + ", \"endColumn\": " + std::to_string(d.where.endColumn) + "}";
    }
    return line + "]}";
}

void printFindings(
        const std::string &file, const std::vector<Diagnostic> &findings, std::ostream &out)
{
    for (const Diagnostic &d : findings)
        out << (d.where.file.empty() ? file : d.where.file) << ':' << d.where.line << ':'
            << d.where.column << ": " << severityName(d.severity) << ": " << d.message << " ["
            << d.code << "]\n";
}

int validateAccount(const Arguments &arguments, std::ostream &out, std::ostream &err)
{
    if (!arguments.positionals.empty() || arguments.has("--policy-type")) {
        err << "iamx validate: --account validates the account's own documents; give no FILE "
               "and no --policy-type (see 'iamx validate --help')\n";
        return ExitUsage;
    }
    std::optional<Account> account;
    if (const int status = loadAccountArgument("validate", arguments, account, err))
        return status;
    std::vector<Diagnostic> findings = validateAccountDocuments(*account);
    std::vector<Diagnostic> accountWide = accountFindings(*account);
    findings.insert(findings.end(), std::make_move_iterator(accountWide.begin()),
            std::make_move_iterator(accountWide.end()));
    std::stable_sort(findings.begin(), findings.end(), [](const auto &a, const auto &b) {
        return a.where.file != b.where.file ? a.where.file < b.where.file
                                            : a.where.offset < b.where.offset;
    });
    const std::string file = arguments.value("--account").value_or(std::string());
    if (arguments.has("--json"))
        out << jsonLine(file, findings) << '\n';
    else
        printFindings(file, findings, out);
    for (const Diagnostic &d : findings)
        if (d.severity == Severity::Error)
            return ExitFailure;
    return ExitOk;
}

int listChecks(bool asJson, std::ostream &out)
{
    for (const ValidationCheck &check : validationChecks()) {
        if (asJson) {
            std::string line = "{\"severity\": ";
            json::appendQuoted(line, severityCode(check.severity));
            line += ", \"code\": ";
            json::appendQuoted(line, check.code);
            line += ", \"summary\": ";
            json::appendQuoted(line, check.summary);
            out << line << "}\n";
        } else {
            out << severityCode(check.severity) << '\t' << check.code << '\t' << check.summary
                << '\n';
        }
    }
    return ExitOk;
}

} // namespace

int runValidate(const std::vector<std::string> &args, std::ostream &out, std::ostream &err)
{
    const auto arguments = parseArguments("validate", args,
            { { "--policy-type", true }, { "--resource-arn", true }, { "--json" },
                    { "--account", true }, { "--list-checks" }, { "--sensitive", true } },
            err);
    if (!arguments)
        return ExitUsage;
    if (arguments->help) {
        out << validateHelp;
        return ExitOk;
    }
    if (arguments->has("--list-checks"))
        return listChecks(arguments->has("--json"), out);
    ValidationOptions options;
    if (const auto type = arguments->value("--policy-type")) {
        const auto parsed = parseValidationPolicyType(*type);
        if (!parsed) {
            err << "iamx validate: unknown policy type '" << *type
                << "' (expected identity, resource, trust, permissionsBoundary, session, scp "
                   "or rcp)\n";
            return ExitUsage;
        }
        options.type = *parsed;
    }
    if (const auto arn = arguments->value("--resource-arn")) {
        if (arguments->has("--policy-type") && options.type != ValidationPolicyType::Resource) {
            err << "iamx validate: --resource-arn is for resource policies; give no other "
                   "--policy-type (see 'iamx validate --help')\n";
            return ExitUsage;
        }
        if (arguments->has("--account")) {
            err << "iamx validate: --account knows the ARN of each resource; give no "
                   "--resource-arn (see 'iamx validate --help')\n";
            return ExitUsage;
        }
        options.type = ValidationPolicyType::Resource;
        options.resourceArn = *arn;
    }
    for (const auto &[flag, value] : arguments->options)
        if (flag == "--sensitive")
            options.sensitiveResources.push_back(value);
    if (arguments->has("--account")) {
        if (!options.sensitiveResources.empty()) {
            err << "iamx validate: --sensitive applies to policy files; give no --account "
                   "with it (see 'iamx validate --help')\n";
            return ExitUsage;
        }
        return validateAccount(*arguments, out, err);
    }
    if (arguments->positionals.empty()) {
        err << "iamx validate: no policy file given (see 'iamx validate --help')\n";
        return ExitUsage;
    }
    const bool asJson = arguments->has("--json");
    int status = ExitOk;
    for (const std::string &file : arguments->positionals) {
        std::string text;
        if (!readInput("validate", file, text, err)) {
            status = ExitFailure;
            continue;
        }
        options.file = file;
        const std::vector<Diagnostic> findings = validatePolicy(text, options);
        for (const Diagnostic &d : findings)
            if (d.severity == Severity::Error)
                status = ExitFailure;
        if (asJson) {
            out << jsonLine(file, findings) << '\n';
            continue;
        }
        printFindings(file, findings, out);
    }
    return status;
}

} // namespace iamx::cli
