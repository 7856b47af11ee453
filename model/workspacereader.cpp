#include "model/accountbuilderimpl.h"

// The IamExplorer object of a workspace (account-format.md §6): resources with their tags and
// policies, the organization's levels with SCPs and RCPs, saved scenarios. Small, so it is
// read with the project's own JSON reader, which knows where every value is.

namespace iamx {
namespace {

std::vector<Tag> tagsOf(const json::Value &value)
{
    std::vector<Tag> tags;
    for (const auto &member : value.members)
        if (member.value.isString())
            tags.push_back({ member.key, member.value.text });
    return tags;
}

} // namespace

void AccountBuilder::Impl::readIamExplorer(std::string_view raw)
{
    const size_t sliceOffset = static_cast<size_t>(raw.data() - base);
    const json::ReadResult read = json::read(raw);
    if (read.error) {
        report(Severity::Error, "JSON_SYNTAX_ERROR", "/IamExplorer", read.error->message,
                { sourceIndex, sliceOffset + read.error->offset, 1 });
        return;
    }
    const json::Value &root = *read.value;
    const auto spanOf = [&](const json::Value &v) {
        return SourceSpan { sourceIndex, sliceOffset + v.offset, v.length };
    };
    const auto documentOf = [&](const json::Value &v) {
        return PolicyText::borrowed(
                raw.substr(v.offset, v.length), PolicyText::Form::Object, spanOf(v));
    };
    const auto flag = [&](const std::string &pointer, std::string message, const json::Value &v) {
        report(Severity::Error, "INVALID_ACCOUNT_FIELD", "/IamExplorer" + pointer,
                std::move(message), spanOf(v));
    };
    const auto namedPolicies = [&](const json::Value *list, const std::string &pointer) {
        std::vector<NamedPolicy> result;
        if (!list)
            return result;
        if (!list->isArray()) {
            flag(pointer, "expected a list of {name, document}", *list);
            return result;
        }
        for (size_t i = 0; i < list->items.size(); ++i) {
            const json::Value &item = list->items[i];
            const json::Value *name = item.find("name");
            const json::Value *document = item.find("document");
            if (!document || !document->isObject()) {
                flag(pointer + "/" + std::to_string(i), "a policy needs a \"document\" object",
                        item);
                continue;
            }
            result.push_back({ name && name->isString() ? name->text : std::string(),
                    documentOf(*document) });
        }
        return result;
    };
    if (const json::Value *id = root.find("accountId"); id && id->isString())
        accountId = id->text;
    if (const json::Value *list = root.find("resources"); list && list->isArray()) {
        for (size_t i = 0; i < list->items.size(); ++i) {
            const json::Value &item = list->items[i];
            const json::Value *arn = item.find("arn");
            if (!arn || !arn->isString()) {
                flag("/resources/" + std::to_string(i), "a resource needs an \"arn\"", item);
                continue;
            }
            Resource resource;
            resource.arn = arn->text;
            if (const json::Value *v = item.find("accountId"); v && v->isString())
                resource.accountId = v->text;
            if (const json::Value *v = item.find("region"); v && v->isString())
                resource.region = v->text;
            if (const json::Value *v = item.find("tags"); v && v->isObject())
                resource.tags = tagsOf(*v);
            if (const json::Value *v = item.find("policy"); v && v->isObject())
                resource.policy = documentOf(*v);
            resources.push_back(std::move(resource));
        }
    }
    if (const json::Value *org = root.find("organization"); org && org->isObject()) {
        Organization parsed;
        if (const json::Value *v = org->find("id"); v && v->isString())
            parsed.id = v->text;
        if (const json::Value *v = org->find("managementAccountId"); v && v->isString())
            parsed.managementAccountId = v->text;
        if (const json::Value *levels = org->find("levels"); levels && levels->isArray()) {
            for (size_t i = 0; i < levels->items.size(); ++i) {
                const json::Value &item = levels->items[i];
                const std::string pointer = "/organization/levels/" + std::to_string(i);
                OrganizationLevel level;
                if (const json::Value *v = item.find("id"); v && v->isString())
                    level.id = v->text;
                if (const json::Value *v = item.find("name"); v && v->isString())
                    level.name = v->text;
                level.scps = namedPolicies(item.find("scps"), pointer + "/scps");
                level.rcps = namedPolicies(item.find("rcps"), pointer + "/rcps");
                parsed.levels.push_back(std::move(level));
            }
        }
        organization = std::move(parsed);
    }
    if (const json::Value *list = root.find("scenarios"); list && list->isArray())
        for (const auto &item : list->items)
            scenarios.emplace_back(raw.substr(item.offset, item.length));
}

} // namespace iamx
