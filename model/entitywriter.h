#pragma once

#include "model/account.h"

#include <memory>
#include <string>
#include <unordered_map>

// Writes the entities of the AWS lists for workspaceText(). An entity that was not edited is
// written as the exact slice it was read from. An edited or new one is written from its fields
// in the AWS CLI's decoded form (documents as JSON objects), but only the members that differ
// from what was read are rewritten: every other member of its original object, those the
// model does not know included, is copied as it was (account-format.md §6: nothing the user
// did not touch is lost). Private to accountio.cpp.

namespace iamx {

class EntityWriter
{
public:
    /// Re-reads the original text of every edited entity of `account`, once, to tell its
    /// changed members from the unchanged ones.
    explicit EntityWriter(const Account &account);
    ~EntityWriter();

    void append(std::string &out, const User &user) const;
    void append(std::string &out, const Group &group) const;
    void append(std::string &out, const Role &role) const;
    void append(std::string &out, const ManagedPolicy &policy) const;

private:
    std::string_view originalText(const SourceSpan &span) const;
    template <typename Entity>
    void appendEntity(std::string &out, const Entity &entity, const Entity *original) const;
    template <typename Entity> const Entity *originalOf(const Entity &entity) const;

    const Account &m_account;
    std::unique_ptr<Account> m_originals; ///< the edited entities as they were read
    std::unordered_map<const void *, size_t> m_originalIndex; ///< entity -> index in m_originals
};

} // namespace iamx
