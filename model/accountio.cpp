#include "accountio.h"

#include "model/accountbuilder.h"
#include "model/entitywriter.h"
#include "model/hexdigit.h"
#include "model/json.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace iamx {
namespace {

// The raw text of an entity or top-level member, as it was read.
std::string_view sliceOf(const Account &account, const SourceSpan &span)
{
    const auto &source = *account.sources().at(span.source);
    return std::string_view(source.text).substr(span.offset, span.length);
}

// An entity as read, or written from its fields when it was edited (entitywriter.h).
template <typename Entity>
void appendList(std::string &out, const EntityWriter &writer, std::string_view name,
        const std::vector<Entity> &entities)
{
    out += "  ";
    json::appendQuoted(out, name);
    out += ": [";
    for (size_t i = 0; i < entities.size(); ++i) {
        out += i ? ",\n    " : "\n    ";
        writer.append(out, entities[i]);
    }
    out += entities.empty() ? "]" : "\n  ]";
}

void appendPolicyObject(std::string &out, const PolicyText &document)
{
    // Workspace documents are JSON objects (account-format.md §6).
    out += document.text();
}

void appendNamedPolicies(std::string &out, const std::vector<NamedPolicy> &policies)
{
    out += '[';
    for (size_t i = 0; i < policies.size(); ++i) {
        out += i ? ", " : "";
        out += "{\"name\": ";
        json::appendQuoted(out, policies[i].name);
        out += ", \"document\": ";
        appendPolicyObject(out, policies[i].document);
        out += '}';
    }
    out += ']';
}

void appendExplorer(std::string &out, const Account &account)
{
    out += "  \"IamExplorer\": {\n    \"formatVersion\": 1,\n    \"accountId\": ";
    json::appendQuoted(out, account.accountId());
    out += ",\n    \"resources\": [";
    const auto &resources = account.resources();
    for (size_t i = 0; i < resources.size(); ++i) {
        const Resource &r = resources[i];
        out += i ? ",\n      {" : "\n      {";
        out += "\"arn\": ";
        json::appendQuoted(out, r.arn);
        out += ", \"accountId\": ";
        json::appendQuoted(out, r.accountId);
        out += ", \"region\": ";
        json::appendQuoted(out, r.region);
        out += ", \"tags\": {";
        for (size_t t = 0; t < r.tags.size(); ++t) {
            out += t ? ", " : "";
            json::appendQuoted(out, r.tags[t].key);
            out += ": ";
            json::appendQuoted(out, r.tags[t].value);
        }
        out += '}';
        if (r.policy) {
            out += ", \"policy\": ";
            appendPolicyObject(out, *r.policy);
        }
        out += '}';
    }
    out += resources.empty() ? "]" : "\n    ]";
    if (const auto &org = account.organization()) {
        out += ",\n    \"organization\": {\"id\": ";
        json::appendQuoted(out, org->id);
        out += ", \"managementAccountId\": ";
        json::appendQuoted(out, org->managementAccountId);
        out += ", \"levels\": [";
        for (size_t i = 0; i < org->levels.size(); ++i) {
            const OrganizationLevel &level = org->levels[i];
            out += i ? ",\n      {" : "\n      {";
            out += "\"id\": ";
            json::appendQuoted(out, level.id);
            out += ", \"name\": ";
            json::appendQuoted(out, level.name);
            out += ", \"scps\": ";
            appendNamedPolicies(out, level.scps);
            out += ", \"rcps\": ";
            appendNamedPolicies(out, level.rcps);
            out += '}';
        }
        out += org->levels.empty() ? "]}" : "\n    ]}";
    }
    out += ",\n    \"scenarios\": [";
    const auto &scenarios = account.scenarios();
    for (size_t i = 0; i < scenarios.size(); ++i) {
        out += i ? ",\n      " : "\n      ";
        out += scenarios[i];
    }
    out += scenarios.empty() ? "]" : "\n    ]";
    out += "\n  }";
}

// Reads a file into one buffer of its exact size plus the parser's padding: no second copy,
// which matters for 100 MB exports (the load may use at most three times the file's size).
bool readWholeFile(const std::string &path, std::string &text, std::string &why)
{
    std::FILE *file = std::fopen(path.c_str(), "rb");
    if (!file) {
        why = std::strerror(errno);
        return false;
    }
    bool ok = std::fseek(file, 0, SEEK_END) == 0;
    const long size = ok ? std::ftell(file) : -1;
    ok = ok && size >= 0 && std::fseek(file, 0, SEEK_SET) == 0;
    if (ok) {
        text.reserve(static_cast<size_t>(size) + 64);
        text.resize(static_cast<size_t>(size));
        ok = std::fread(text.data(), 1, text.size(), file) == text.size();
    }
    if (!ok)
        why = errno ? std::strerror(errno) : "read failed";
    std::fclose(file);
    return ok;
}

} // namespace

std::optional<std::string> percentDecode(std::string_view text)
{
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out += text[i]; // `+` stays `+`: AWS encodes a literal plus as %2B
            continue;
        }
        if (i + 2 >= text.size())
            return std::nullopt;
        const int high = hexDigitValue(text[i + 1]);
        const int low = hexDigitValue(text[i + 2]);
        if (high < 0 || low < 0)
            return std::nullopt;
        out += static_cast<char>(high * 16 + low);
        i += 2;
    }
    return out;
}

Parsed<Account> loadAccount(std::vector<AccountInput> inputs)
{
    AccountBuilder builder;
    bool ok = !inputs.empty();
    for (auto &input : inputs)
        ok = builder.addSource(std::move(input.name), std::move(input.text)) && ok;
    Parsed<Account> result;
    Account account = builder.finish();
    result.diagnostics = account.diagnostics();
    if (ok)
        result.value = std::move(account);
    return result;
}

Parsed<Account> loadAccountFiles(const std::vector<std::string> &paths)
{
    std::vector<AccountInput> inputs;
    Parsed<Account> failed;
    for (const auto &path : paths) {
        std::string text;
        std::string why;
        if (!readWholeFile(path, text, why)) {
            Diagnostic d;
            d.code = "FILE_NOT_READABLE";
            d.message = "cannot read the file: " + why;
            d.where.file = path;
            failed.diagnostics.push_back(std::move(d));
            continue;
        }
        inputs.push_back({ path, std::move(text) });
    }
    if (!failed.diagnostics.empty())
        return failed;
    return loadAccount(std::move(inputs));
}

std::string workspaceText(const Account &account)
{
    const EntityWriter writer(account);
    std::string out = "{\n";
    appendList(out, writer, "UserDetailList", account.users());
    out += ",\n";
    appendList(out, writer, "GroupDetailList", account.groups());
    out += ",\n";
    appendList(out, writer, "RoleDetailList", account.roles());
    out += ",\n";
    appendList(out, writer, "Policies", account.policies());
    out += ",\n";
    for (const auto &member : account.otherMembers()) {
        out += "  ";
        json::appendQuoted(out, member.name);
        out += ": ";
        out += sliceOf(account, member.value);
        out += ",\n";
    }
    appendExplorer(out, account);
    out += "\n}\n";
    return out;
}

bool saveWorkspace(const Account &account, const std::string &path, std::string &error)
{
    const std::string text = workspaceText(account);
    // A temporary file of its own beside the target (two saves never share one), with the
    // target's permissions when it exists.
    static std::atomic<unsigned> saves { 0 };
    const std::string temporary = path + ".saving-" + std::to_string(::getpid()) + "-"
            + std::to_string(saves.fetch_add(1));
    struct stat existing
    {
    };
    const mode_t mode = ::stat(path.c_str(), &existing) == 0 ? (existing.st_mode & 07777) : 0644;
    const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) {
        error = temporary + ": " + std::strerror(errno);
        return false;
    }
    const auto fail = [&](const std::string &what) {
        error = what + ": " + std::strerror(errno);
        ::close(fd);
        ::unlink(temporary.c_str());
        return false;
    };
    if (::fchmod(fd, mode) != 0) // the umask must not narrow the target's permissions
        return fail(temporary);
    size_t written = 0;
    while (written < text.size()) {
        const ssize_t n = ::write(fd, text.data() + written, text.size() - written);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return fail(temporary);
        written += static_cast<size_t>(n);
    }
    // The data must be on disk before the rename makes it the file: a crash then leaves
    // either the old file or the new one, never half of one.
    if (::fsync(fd) != 0)
        return fail(temporary);
    if (::close(fd) != 0) {
        error = temporary + ": " + std::strerror(errno);
        ::unlink(temporary.c_str());
        return false;
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        error = path + ": " + std::strerror(errno);
        ::unlink(temporary.c_str());
        return false;
    }
    // And the rename itself must reach the disk: sync the directory that holds the file.
    const size_t slash = path.rfind('/');
    const std::string directory = slash == std::string::npos ? "." : path.substr(0, slash + 1);
    if (const int dir = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return true;
}

} // namespace iamx
