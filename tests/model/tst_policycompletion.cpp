#include "resources/demoaccount.h"

#include "model/account.h"
#include "model/accountio.h"
#include "model/completionaccount.h"
#include "model/completionvocabulary.h"
#include "model/conditionoperator.h"
#include "model/isotime.h"
#include "model/policycompletion.h"

#include <QTest>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <string>
#include <vector>

// Completion in the policy editor: what the cursor is on in a policy being typed (usually not
// valid JSON), and the candidates the catalog gives for it.

using iamx::CandidateKind;
using iamx::CompletionCandidate;
using iamx::CompletionContext;
using iamx::CompletionSite;

Q_DECLARE_METATYPE(std::string)
Q_DECLARE_METATYPE(CompletionContext)

namespace {

/// The site at the `|` of `marked`, which is taken out of the text.
CompletionSite siteAt(const std::string &marked)
{
    const size_t cursor = marked.find('|');
    std::string text = marked;
    text.erase(cursor, 1);
    return iamx::completionSiteAt(text, cursor);
}

std::vector<std::string> texts(const std::vector<CompletionCandidate> &candidates)
{
    std::vector<std::string> out;
    for (const auto &candidate : candidates)
        out.push_back(candidate.text);
    return out;
}

bool contains(const std::vector<std::string> &list, const std::string &item)
{
    return std::find(list.begin(), list.end(), item) != list.end();
}

const CompletionCandidate *find(
        const std::vector<CompletionCandidate> &candidates, const std::string &text)
{
    const auto it = std::find_if(candidates.begin(), candidates.end(),
            [&text](const CompletionCandidate &candidate) { return candidate.text == text; });
    return it == candidates.end() ? nullptr : &*it;
}

const std::string statementHead = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n";

} // namespace

class tst_PolicyCompletion : public QObject
{
    Q_OBJECT

private slots:
    void site_data();
    void site();
    void typedPrefixAndReplacedRange();
    void stringClosedByTheNextOneIsNotEaten();
    void statementFactsIncludeWhatFollowsTheCursor();
    void presentKeysAreNotOfferedAgain();
    void notActionNarrowsNothing();
    void elementsAndValues();
    void servicesFirstWithoutColon();
    void actionsFilteredGlobAware();
    void exactActionFirst();
    void actionNameWithoutService();
    void unknownServiceOffersNothing();
    void resourceTemplatesOfTheStatementsActions();
    void resourcesWithoutActionsOfferOnlyStar();
    void everyOperatorIsOffered();
    void conditionKeysOfTheStatementWithTypes();
    void conditionKeysFittingTheOperatorFirst();
    void limitIsKept();
    void conditionValueSiteNamesKeyAndOperator();
    void boolAndNullValues();
    void documentedValuesAndRegions();
    void dateIpAndAccountValues();
    void arnValues();
    void policyVariables();
    void principalValues();
    void principalValuesFromTheAccount();
    void resourcesFromTheAccount();
    void sidFromEffectAndActions();
    void accountContextOfTheDemoAccount();
    void describesActionPatterns_data();
    void describesActionPatterns();
    void hoverTextOnlyOnActions();
    void hostileTextNeverCrashes();
};

void tst_PolicyCompletion::site_data()
{
    QTest::addColumn<std::string>("text");
    QTest::addColumn<CompletionContext>("context");
    QTest::addColumn<bool>("quoted");
    QTest::addColumn<std::string>("prefix");

    using C = CompletionContext;
    QTest::newRow("empty text") << std::string("|") << C::None << false << std::string();
    QTest::newRow("top-level key, quote typed")
            << std::string("{\n  \"|") << C::TopLevelKey << true << std::string();
    QTest::newRow("top-level key, between tokens")
            << std::string("{ | }") << C::TopLevelKey << false << std::string();
    QTest::newRow("top-level key, partly typed")
            << std::string("{ \"Ver|") << C::TopLevelKey << true << std::string("Ver");
    QTest::newRow("version value")
            << std::string("{ \"Version\": \"|") << C::VersionValue << true << std::string();
    QTest::newRow("statement key in an array")
            << statementHead + "      \"|" << C::StatementKey << true << std::string();
    QTest::newRow("statement key in a single object")
            << std::string("{\"Statement\": {\"Eff|\"}}") << C::StatementKey << true
            << std::string("Eff");
    QTest::newRow("second statement key after a comma")
            << statementHead + "      \"Effect\": \"Allow\",\n      \"Ac|" << C::StatementKey
            << true << std::string("Ac");
    QTest::newRow("key on a new line, comma not typed")
            << statementHead + "      \"Effect\": \"Allow\"\n      \"|" << C::StatementKey << true
            << std::string();
    QTest::newRow("after a value, no comma: nothing")
            << statementHead + "      \"Effect\": \"Allow\" |" << C::None << false << std::string();
    QTest::newRow("effect value") << statementHead + "      \"Effect\": \"Al|" << C::EffectValue
                                  << true << std::string("Al");
    QTest::newRow("effect value, bare word") << statementHead + "      \"Effect\": De|"
                                             << C::EffectValue << false << std::string("De");
    QTest::newRow("effect value, between tokens")
            << statementHead + "      \"Effect\": |" << C::EffectValue << false << std::string();
    QTest::newRow("action string") << statementHead + "      \"Action\": \"s3:Get|"
                                   << C::ActionValue << true << std::string("s3:Get");
    QTest::newRow("action in an array, second element")
            << statementHead + "      \"Action\": [\"s3:GetObject\", \"ec2:|\"]" << C::ActionValue
            << true << std::string("ec2:");
    QTest::newRow("not action") << statementHead + "      \"NotAction\": [\"iam|" << C::ActionValue
                                << true << std::string("iam");
    QTest::newRow("resource") << statementHead + "      \"Resource\": \"arn:|" << C::ResourceValue
                              << true << std::string("arn:");
    QTest::newRow("not resource in an array")
            << statementHead + "      \"NotResource\": [\n        \"|" << C::ResourceValue << true
            << std::string();
    QTest::newRow("sid value") << statementHead + "      \"Sid\": \"Rea|" << C::SidValue << true
                               << std::string("Rea");
    QTest::newRow("condition operator")
            << statementHead + "      \"Condition\": {\n        \"String|" << C::ConditionOperator
            << true << std::string("String");
    QTest::newRow("condition key")
            << statementHead + "      \"Condition\": {\"StringEquals\": {\"aws:|" << C::ConditionKey
            << true << std::string("aws:");
    QTest::newRow("condition value")
            << statementHead + "      \"Condition\": {\"StringEquals\": {\"aws:username\": \"a|"
            << C::ConditionValue << true << std::string("a");
    QTest::newRow("condition value in an array, between tokens")
            << statementHead
                    + "      \"Condition\": {\"StringEquals\": {\"aws:username\": [\"a\", |"
            << C::ConditionValue << false << std::string();
    QTest::newRow("condition value, bare word")
            << statementHead + "      \"Condition\": {\"Bool\": {\"aws:SecureTransport\": tr|"
            << C::ConditionValue << false << std::string("tr");
    QTest::newRow("principal key") << statementHead + "      \"Principal\": {\"Se|"
                                   << C::PrincipalKey << true << std::string("Se");
    QTest::newRow("principal value") << statementHead + "      \"Principal\": {\"AWS\": \"arn|"
                                     << C::PrincipalValue << true << std::string("arn");
    QTest::newRow("principal value in an array")
            << statementHead + "      \"Principal\": {\"Service\": [\"sns.amazonaws.com\", \"s|"
            << C::PrincipalValue << true << std::string("s");
    QTest::newRow("principal, string form") << statementHead + "      \"Principal\": \"|"
                                            << C::PrincipalValue << true << std::string();
    QTest::newRow("variable in a resource")
            << statementHead + "      \"Resource\": \"arn:aws:s3:::b/${aws:us|" << C::PolicyVariable
            << true << std::string("${aws:us");
    QTest::newRow("closed variable: the resource again")
            << statementHead + "      \"Resource\": \"arn:aws:s3:::b/${aws:username}/|"
            << C::ResourceValue << true << std::string("arn:aws:s3:::b/${aws:username}/");
    QTest::newRow("variable in a condition value")
            << statementHead + "      \"Condition\": {\"StringLike\": {\"s3:prefix\": \"home/${|"
            << C::PolicyVariable << true << std::string("${");
    QTest::newRow("Id value: nothing")
            << std::string("{\"Id\": \"|") << C::None << false << std::string();
    QTest::newRow("second statement")
            << statementHead + "      \"Effect\": \"Allow\"\n    },\n    {\n      \"Eff|"
            << C::StatementKey << true << std::string("Eff");
    QTest::newRow("after the statement array: top level")
            << statementHead + "    }\n  ],\n  \"I|" << C::TopLevelKey << true << std::string("I");
    QTest::newRow("before an opening quote")
            << std::string("{\"Statement\": {\"Effect\": |\"Allow\"}}") << C::EffectValue << false
            << std::string();
    QTest::newRow("nested unknown object: nothing")
            << std::string("{\"Statement\": {\"Foo\": {\"|") << C::None << false << std::string();
    QTest::newRow("escaped quote in a string")
            << std::string("{\"Statement\": {\"Sid\": \"a\\\"b\", \"Effect\": \"|")
            << C::EffectValue << true << std::string();
    QTest::newRow("top-level array: nothing")
            << std::string("[\"|") << C::None << false << std::string();
}

void tst_PolicyCompletion::site()
{
    QFETCH(std::string, text);
    QFETCH(CompletionContext, context);
    QFETCH(bool, quoted);
    QFETCH(std::string, prefix);
    const CompletionSite site = siteAt(text);
    QCOMPARE(site.context, context);
    if (context != CompletionContext::None) {
        QCOMPARE(site.quoted, quoted);
        QCOMPARE(site.prefix, prefix);
    }
}

void tst_PolicyCompletion::typedPrefixAndReplacedRange()
{
    const std::string text = "{\"Statement\": {\"Action\": \"s3:GetObj\"}}";
    const size_t cursor = text.find("Obj");
    const CompletionSite site = iamx::completionSiteAt(text, cursor);
    QCOMPARE(site.prefix, std::string("s3:Get"));
    QCOMPARE(site.value, std::string("s3:GetObj"));
    QCOMPARE(site.replaceStart, text.find("s3:"));
    QCOMPARE(site.replaceEnd, text.find("\"}}"));
    QVERIFY(site.closed);
}

void tst_PolicyCompletion::stringClosedByTheNextOneIsNotEaten()
{
    // Typing a new value in the middle of a line: the quote typed pairs with the next
    // string's opening quote; what a candidate replaces stops at the end of the word.
    const std::string text = "{\"Statement\": {\"Action\": \"s3:Get, \"Resource\": \"*\"}}";
    const size_t cursor = text.find(", \"Res");
    const CompletionSite site = iamx::completionSiteAt(text, cursor);
    QCOMPARE(site.context, CompletionContext::ActionValue);
    QCOMPARE(site.replaceEnd, cursor);
    QVERIFY(!site.closed);
}

void tst_PolicyCompletion::statementFactsIncludeWhatFollowsTheCursor()
{
    const CompletionSite site = siteAt(statementHead
            + "      \"Resource\": \"|\",\n      \"Action\": [\"s3:GetObject\", "
              "\"s3:PutObject\"]\n    },\n    {\"Action\": \"ec2:*\"}\n  ]\n}");
    QCOMPARE(site.context, CompletionContext::ResourceValue);
    QCOMPARE(site.actions, (std::vector<std::string> { "s3:GetObject", "s3:PutObject" }));
    QVERIFY(!site.notAction);
}

void tst_PolicyCompletion::presentKeysAreNotOfferedAgain()
{
    const CompletionSite site = siteAt(statementHead
            + "      \"Effect\": \"Allow\",\n      \"|\n      \"Action\": \"s3:*\"\n    }\n  ]\n}");
    QCOMPARE(site.context, CompletionContext::StatementKey);
    QCOMPARE(site.presentKeys, (std::vector<std::string> { "Effect", "Action" }));
    const auto names = texts(iamx::completionCandidates(site));
    QVERIFY(!contains(names, "Effect"));
    QVERIFY(!contains(names, "Action"));
    QVERIFY2(!contains(names, "NotAction"), "NotAction excludes Action");
    QVERIFY(contains(names, "Resource"));
    QVERIFY(contains(names, "Condition"));
    QVERIFY(contains(names, "Sid"));
}

void tst_PolicyCompletion::notActionNarrowsNothing()
{
    const CompletionSite site =
            siteAt("{\"Statement\": {\"NotAction\": \"iam:*\", \"Resource\": \"|\"}}");
    QVERIFY(site.notAction);
    QCOMPARE(texts(iamx::completionCandidates(site)), std::vector<std::string> { "*" });
}

void tst_PolicyCompletion::elementsAndValues()
{
    QCOMPARE(texts(iamx::completionCandidates(siteAt("{\"|"))),
            (std::vector<std::string> { "Version", "Id", "Statement" }));
    QCOMPARE(texts(iamx::completionCandidates(siteAt("{\"st|"))),
            std::vector<std::string> { "Statement" });
    QCOMPARE(texts(iamx::completionCandidates(siteAt("{\"Statement\": {\"Effect\": \"|"))),
            (std::vector<std::string> { "Allow", "Deny" }));
    QCOMPARE(texts(iamx::completionCandidates(siteAt("{\"Statement\": {\"Effect\": \"d|"))),
            std::vector<std::string> { "Deny" });
    QCOMPARE(texts(iamx::completionCandidates(siteAt("{\"Version\": \"|"))).front(),
            std::string("2012-10-17"));
    QCOMPARE(texts(iamx::completionCandidates(siteAt("{\"Statement\": {\"Principal\": {\"|"))),
            (std::vector<std::string> { "AWS", "Service", "Federated", "CanonicalUser" }));
}

void tst_PolicyCompletion::servicesFirstWithoutColon()
{
    const auto candidates = iamx::completionCandidates(siteAt("{\"Statement\": {\"Action\": \"s|"));
    QVERIFY(!candidates.empty());
    QCOMPARE(candidates.front().kind, CandidateKind::Service);
    const CompletionCandidate *s3 = find(candidates, "s3:");
    QVERIFY(s3);
    QCOMPARE(s3->kind, CandidateKind::Service);
    QCOMPARE(s3->description, std::string("Amazon S3"));
    QVERIFY(!find(candidates, "ec2:"));
    // Empty: every action first.
    const auto all = iamx::completionCandidates(siteAt("{\"Statement\": {\"Action\": \"|"));
    QCOMPARE(all.front().text, std::string("*"));
    QCOMPARE(all.front().kind, CandidateKind::ActionPattern);
}

void tst_PolicyCompletion::actionsFilteredGlobAware()
{
    const auto candidates =
            iamx::completionCandidates(siteAt("{\"Statement\": {\"Action\": \"s3:Get|"));
    QVERIFY(candidates.size() > 10);
    QCOMPARE(candidates.front().text, std::string("s3:Get*"));
    QCOMPARE(candidates.front().kind, CandidateKind::ActionPattern);
    const CompletionCandidate *getObject = find(candidates, "s3:GetObject");
    QVERIFY(getObject);
    QCOMPARE(getObject->detail, std::string("Read"));
    QVERIFY(!getObject->description.empty());
    for (const auto &candidate : candidates)
        QVERIFY2(candidate.text.starts_with("s3:Get"), candidate.text.c_str());
    // Case does not matter, and a wildcard in what is typed is a wildcard.
    const auto lower =
            texts(iamx::completionCandidates(siteAt("{\"Statement\": {\"Action\": \"S3:get|")));
    QVERIFY(contains(lower, "s3:GetObject"));
    const auto glob =
            iamx::completionCandidates(siteAt("{\"Statement\": {\"Action\": \"s3:*ObjectTag|"));
    QCOMPARE(glob.front().text, std::string("s3:*ObjectTag*"));
    QVERIFY(find(glob, "s3:GetObjectTagging"));
    QVERIFY(find(glob, "s3:PutObjectTagging"));
    QVERIFY(!find(glob, "s3:GetObject"));
}

void tst_PolicyCompletion::exactActionFirst()
{
    const auto candidates =
            iamx::completionCandidates(siteAt("{\"Statement\": {\"Action\": \"s3:GetObject|"));
    QCOMPARE(candidates.at(0).text, std::string("s3:GetObject"));
    QCOMPARE(candidates.at(1).text, std::string("s3:GetObject*"));
    QVERIFY(find(candidates, "s3:GetObjectAcl"));
}

void tst_PolicyCompletion::actionNameWithoutService()
{
    const auto candidates =
            iamx::completionCandidates(siteAt("{\"Statement\": {\"Action\": \"GetObjectAc|"));
    QVERIFY(find(candidates, "s3:GetObjectAcl"));
    // Two letters list services only.
    const auto services = iamx::completionCandidates(siteAt("{\"Statement\": {\"Action\": \"ge|"));
    for (const auto &candidate : services)
        QCOMPARE(candidate.kind, CandidateKind::Service);
}

void tst_PolicyCompletion::unknownServiceOffersNothing()
{
    QVERIFY(iamx::completionCandidates(siteAt("{\"Statement\": {\"Action\": \"nosuch:Get|"))
                    .empty());
}

void tst_PolicyCompletion::resourceTemplatesOfTheStatementsActions()
{
    const auto candidates = iamx::completionCandidates(siteAt(
            "{\"Statement\": {\"Action\": [\"s3:GetObject\", \"s3:ListBucket\"], \"Resource\": "
            "\"|\"}}"));
    const auto names = texts(candidates);
    QCOMPARE(names.front(), std::string("*"));
    QVERIFY(contains(names, "arn:aws:s3:::${BucketName}/${ObjectName}"));
    QVERIFY(contains(names, "arn:aws:s3:::${BucketName}"));
    QVERIFY2(!contains(names, "arn:aws:s3:::${BucketName}/${ObjectName}/x"), "no duplicates");
    for (const auto &name : names)
        QVERIFY2(name.find("${Partition}") == std::string::npos, name.c_str());
    const CompletionCandidate *object =
            find(candidates, "arn:aws:s3:::${BucketName}/${ObjectName}");
    QCOMPARE(object->detail, std::string("s3 object"));
    QCOMPARE(std::count(names.begin(), names.end(), "arn:aws:s3:::${BucketName}"), 1);
    // Filtered by what is typed.
    const auto typed = texts(iamx::completionCandidates(siteAt(
            "{\"Statement\": {\"Action\": \"iam:PassRole\", \"Resource\": \"arn:aws:i|\"}}")));
    QCOMPARE(
            typed, std::vector<std::string> { "arn:aws:iam::${Account}:role/${RoleNameWithPath}" });
    QCOMPARE(iamx::arnTemplate("arn:${Partition}:s3:::${BucketName}"),
            std::string("arn:aws:s3:::${BucketName}"));
}

void tst_PolicyCompletion::resourcesWithoutActionsOfferOnlyStar()
{
    QCOMPARE(texts(iamx::completionCandidates(siteAt("{\"Statement\": {\"Resource\": \"|"))),
            std::vector<std::string> { "*" });
}

void tst_PolicyCompletion::everyOperatorIsOffered()
{
    const auto candidates =
            iamx::completionCandidates(siteAt("{\"Statement\": {\"Condition\": {\"|"));
    const auto names = texts(candidates);
    QCOMPARE(names.front(), std::string("StringEquals"));
    for (const auto &name : names)
        QVERIFY2(iamx::parseConditionOperator(name).has_value(), name.c_str());
    for (const char *name : { "StringLike", "StringNotEqualsIfExists", "Null", "Bool",
                 "ForAllValues:StringEquals", "ForAnyValue:StringLikeIfExists", "IpAddress",
                 "NotIpAddressIfExists", "ArnNotLike", "DateGreaterThanEquals", "BinaryEquals",
                 "NumericLessThanEqualsIfExists" })
        QVERIFY2(contains(names, name), name);
    QVERIFY(!contains(names, "NullIfExists"));
    QCOMPARE(names.size(), size_t(27 + 26 + 2 * 52));
    const auto date =
            texts(iamx::completionCandidates(siteAt("{\"Statement\": {\"Condition\": {\"DateL|")));
    QCOMPARE(date,
            (std::vector<std::string> { "DateLessThan", "DateLessThanEquals",
                    "DateLessThanIfExists", "DateLessThanEqualsIfExists" }));
    const auto forAll = iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Condition\": {\"ForAllValues:StringE|"));
    QCOMPARE(forAll.front().text, std::string("ForAllValues:StringEquals"));
    QCOMPARE(forAll.front().detail, std::string("String"));
}

void tst_PolicyCompletion::conditionKeysOfTheStatementWithTypes()
{
    const auto candidates = iamx::completionCandidates(siteAt(
            "{\"Statement\": {\"Action\": \"s3:ListBucket\", \"Condition\": {\"StringLike\": "
            "{\"|\"}}}}"));
    const CompletionCandidate *prefix = find(candidates, "s3:prefix");
    QVERIFY(prefix);
    QCOMPARE(prefix->detail, std::string("String"));
    const CompletionCandidate *sourceIp = find(candidates, "aws:SourceIp");
    QVERIFY2(sourceIp, "the global keys are offered too");
    QCOMPARE(sourceIp->detail, std::string("IPAddress (global)"));
    QVERIFY2(!find(candidates, "ec2:Region"), "keys of other services are not");
    // Filtered by what is typed, ignoring case; keys already there are not offered again.
    const auto typed = iamx::completionCandidates(siteAt(
            "{\"Statement\": {\"Action\": \"s3:ListBucket\", \"Condition\": {\"StringLike\": "
            "{\"aws:sourcev|\", \"aws:SourceVpce\": \"x\"}}}}"));
    QCOMPARE(texts(typed), (std::vector<std::string> { "aws:SourceVpc", "aws:SourceVpcArn" }));
    // A key of the action's resource type.
    const auto tags = texts(iamx::completionCandidates(siteAt(
            "{\"Statement\": {\"Action\": \"iam:DeleteRole\", \"Condition\": {\"StringEquals\": "
            "{\"|")));
    QVERIFY(contains(tags, "aws:ResourceTag/${TagKey}")
            || contains(tags, "iam:ResourceTag/${TagKey}"));
}

void tst_PolicyCompletion::conditionKeysFittingTheOperatorFirst()
{
    const auto candidates = iamx::completionCandidates(siteAt(
            "{\"Statement\": {\"Action\": \"s3:ListBucket\", \"Condition\": {\"Bool\": {\"|"));
    QVERIFY(!candidates.empty());
    QVERIFY2(candidates.front().detail.starts_with("Bool"), candidates.front().text.c_str());
    const auto ip = iamx::completionCandidates(siteAt(
            "{\"Statement\": {\"Action\": \"s3:ListBucket\", \"Condition\": {\"NotIpAddress\": "
            "{\"|"));
    QVERIFY(ip.front().detail.starts_with("IPAddress"));
}

void tst_PolicyCompletion::limitIsKept()
{
    const CompletionSite site = siteAt("{\"Statement\": {\"Action\": \"ec2:|");
    QVERIFY(iamx::completionCandidates(site).size() > 20);
    QCOMPARE(iamx::completionCandidates(site, iamx::ActionCatalog::instance(), 20).size(),
            size_t(20));
}

void tst_PolicyCompletion::conditionValueSiteNamesKeyAndOperator()
{
    const CompletionSite site = siteAt(statementHead
            + "      \"Condition\": {\n        \"ForAnyValue:StringLike\": {\n"
              "          \"aws:PrincipalOrgPaths\": [\"o-1/*\", \"|\"]\n");
    QCOMPARE(site.context, CompletionContext::ConditionValue);
    QCOMPARE(site.conditionKey, std::string("aws:PrincipalOrgPaths"));
    QCOMPARE(site.conditionOperator, std::string("ForAnyValue:StringLike"));
    // Half-typed: a missing comma and an unclosed string before it.
    const CompletionSite broken = siteAt(statementHead
            + "      \"Effect\": \"Deny\"\n      \"Condition\": {\"Bool\" "
              "{\"aws:SecureTransport\": "
              "\"f|\n      \"Action\": \"s3:*\"\n");
    QCOMPARE(broken.context, CompletionContext::ConditionValue);
    QCOMPARE(broken.conditionKey, std::string("aws:SecureTransport"));
    QCOMPARE(broken.conditionOperator, std::string("Bool"));
    QCOMPARE(broken.effect, std::string("Deny"));
    QCOMPARE(texts(iamx::completionCandidates(broken)), std::vector<std::string> { "false" });
}

void tst_PolicyCompletion::boolAndNullValues()
{
    const auto condition = [](const std::string &op, const std::string &key) {
        return texts(iamx::completionCandidates(
                siteAt("{\"Statement\": {\"Condition\": {\"" + op + "\": {\"" + key + "\": \"|")));
    };
    const std::vector<std::string> trueFalse { "true", "false" };
    QCOMPARE(condition("Bool", "aws:SecureTransport"), trueFalse);
    QCOMPARE(condition("Null", "aws:PrincipalTag/team"), trueFalse);
    QCOMPARE(condition("Null", "s3:prefix"), trueFalse);
    QCOMPARE(condition("BoolIfExists", "aws:MultiFactorAuthPresent"), trueFalse);
    // The key's type is enough when the operator is unknown yet.
    QCOMPARE(condition("Boo", "aws:ViaAWSService"), trueFalse);
    const auto null = iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Condition\": {\"Null\": {\"aws:TokenIssueTime\": \"t|"));
    QCOMPARE(null.size(), size_t(1));
    QVERIFY(null.front().description.find("lacks") != std::string::npos);
}

void tst_PolicyCompletion::documentedValuesAndRegions()
{
    const auto types = iamx::completionCandidates(siteAt(
            "{\"Statement\": {\"Condition\": {\"StringEquals\": {\"aws:PrincipalType\": \"|"));
    QCOMPARE(texts(types),
            (std::vector<std::string> {
                    "Account", "User", "FederatedUser", "AssumedRole", "Anonymous" }));
    QCOMPARE(types.front().kind, CandidateKind::ConditionValue);
    QVERIFY(!types.front().description.empty());
    const auto regions = texts(iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Condition\": {\"StringEquals\": {\"aws:RequestedRegion\": "
                   "[\"eu-w|")));
    QCOMPARE(regions, (std::vector<std::string> { "eu-west-1", "eu-west-2", "eu-west-3" }));
    const auto ec2 = texts(iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Condition\": {\"StringEquals\": {\"ec2:Region\": \"|")));
    QVERIFY(contains(ec2, "us-east-1"));
    QVERIFY(contains(ec2, "cn-north-1"));
    QVERIFY(iamx::isRegionKey("kms:ReplicaRegion"));
    QVERIFY(iamx::isRegionKey("secretsmanager:AddReplicaRegions"));
    QVERIFY(!iamx::isRegionKey("kms:MultiRegion"));
    QVERIFY(!iamx::isRegionKey("ec2:VpceMultiRegion"));
    QVERIFY(!iamx::isRegionKey("aws:username"));
    const auto acl = texts(iamx::completionCandidates(siteAt(
            "{\"Statement\": {\"Condition\": {\"StringEquals\": {\"s3:x-amz-acl\": \"bucket|")));
    QCOMPARE(acl, (std::vector<std::string> { "bucket-owner-read", "bucket-owner-full-control" }));
    // A key with no known values offers nothing.
    QVERIFY(iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Condition\": {\"StringEquals\": {\"s3:prefix\": \"|"))
                    .empty());
}

void tst_PolicyCompletion::dateIpAndAccountValues()
{
    const auto dates = iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Condition\": {\"DateLessThan\": {\"aws:CurrentTime\": \"|"));
    QCOMPARE(dates.size(), size_t(2));
    const auto iso = iamx::parseInstant(dates[0].text);
    QVERIFY2(iso && dates[0].text.ends_with("Z") && dates[0].text.find('T') == 10,
            dates[0].text.c_str());
    const auto epoch = iamx::parseInstant(dates[1].text);
    QVERIFY(epoch && iso);
    QVERIFY(std::abs(epoch->seconds - iso->seconds) < 5);
    const auto ip = texts(iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"|")));
    QCOMPARE(ip, (std::vector<std::string> { "203.0.113.0/24", "2001:db8::/32" }));
    iamx::CompletionAccountContext account;
    account.accountId = "111122223333";
    account.organizationId = "o-a1b2c3d4e5";
    const auto value = [&account](const std::string &key) {
        return texts(iamx::completionCandidates(
                siteAt("{\"Statement\": {\"Condition\": {\"StringEquals\": {\"" + key + "\": \"|"),
                iamx::ActionCatalog::instance(), 500, &account));
    };
    QCOMPARE(value("aws:SourceAccount"), std::vector<std::string> { "111122223333" });
    QCOMPARE(value("aws:PrincipalOrgID"), std::vector<std::string> { "o-a1b2c3d4e5" });
    QVERIFY(iamx::completionCandidates(siteAt("{\"Statement\": {\"Condition\": {\"StringEquals\": "
                                              "{\"aws:SourceAccount\": \"|"))
                    .empty());
    const auto services = value("iam:PassedToService");
    QVERIFY(contains(services, "lambda.amazonaws.com"));
}

void tst_PolicyCompletion::arnValues()
{
    // aws:SourceArn: the resources of the service principal that calls.
    const auto source = texts(iamx::completionCandidates(siteAt(statementHead
            + "      \"Principal\": {\"Service\": \"sns.amazonaws.com\"},\n"
              "      \"Action\": \"sqs:SendMessage\",\n"
              "      \"Condition\": {\"ArnEquals\": {\"aws:SourceArn\": \"|\"}}\n")));
    QVERIFY(contains(source, "arn:aws:sns:${Region}:${Account}:${TopicName}"));
    QVERIFY2(!contains(source, "arn:aws:sqs:${Region}:${Account}:${QueueName}"),
            "not the statement's own resources");
    // A service's ARN key: the resource type it names.
    const auto policy = texts(iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Condition\": {\"ArnLike\": {\"iam:PolicyARN\": \"|")));
    QVERIFY(contains(policy, "arn:aws:iam::${Account}:policy/${PolicyNameWithPath}"));
    QVERIFY(!contains(policy, "arn:aws:iam::${Account}:role/${RoleNameWithPath}"));
    // aws:PrincipalArn: principals, the account's first.
    iamx::CompletionAccountContext account;
    account.accountId = "111122223333";
    account.roleArns = { "arn:aws:iam::111122223333:role/Admin" };
    const auto principal = texts(iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Condition\": {\"StringLike\": {\"aws:PrincipalArn\": "
                   "\"arn:aws:iam::111122223333:|"),
            iamx::ActionCatalog::instance(), 500, &account));
    QCOMPARE(principal,
            (std::vector<std::string> {
                    "arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:role/Admin" }));
}

void tst_PolicyCompletion::policyVariables()
{
    const std::string text = "{\"Statement\": {\"Resource\": \"arn:aws:s3:::b/${aws:us}/*\"}}";
    const CompletionSite site = iamx::completionSiteAt(text, text.find("}/*"));
    QCOMPARE(site.context, CompletionContext::PolicyVariable);
    QCOMPARE(site.variableHost, CompletionContext::ResourceValue);
    QCOMPARE(site.prefix, std::string("${aws:us"));
    QCOMPARE(site.replaceStart, text.find("${"));
    QCOMPARE(site.replaceEnd, text.find("/*"));
    const auto candidates = iamx::completionCandidates(site);
    QCOMPARE(texts(candidates),
            (std::vector<std::string> { "${aws:username}", "${aws:userid}", "${aws:UserAgent}" }));
    QCOMPARE(candidates.front().kind, CandidateKind::Variable);
    QVERIFY(!candidates.front().description.empty());
    // Every documented one after `${`, the tag of the principal among them.
    const auto all = texts(iamx::completionCandidates(siteAt(
            "{\"Statement\": {\"Condition\": {\"StringEquals\": {\"s3:prefix\": \"home/${|")));
    QVERIFY(all.size() > 20);
    QVERIFY(contains(all, "${aws:PrincipalTag/tag-key}"));
    QVERIFY(contains(all, "${aws:SourceIdentity}"));
    QVERIFY(contains(all, "${*}"));
    // Not in comparisons that do not read variables.
    QVERIFY(iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Condition\": {\"NumericLessThan\": {\"s3:max-keys\": "
                   "\"${|"))
                    .empty());
}

void tst_PolicyCompletion::principalValues()
{
    const auto aws =
            iamx::completionCandidates(siteAt("{\"Statement\": {\"Principal\": {\"AWS\": \"|"));
    QCOMPARE(aws.front().text, std::string("*"));
    QCOMPARE(aws.front().kind, CandidateKind::Principal);
    QVERIFY(find(aws, "arn:aws:iam::${Account}:root"));
    QVERIFY(find(aws, "arn:aws:iam::${Account}:role/${RoleName}"));
    const auto service = iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Principal\": {\"Service\": [\"lambd|"));
    const CompletionCandidate *lambda = find(service, "lambda.amazonaws.com");
    QVERIFY(lambda);
    QCOMPARE(lambda->description, std::string("AWS Lambda"));
    for (const auto &candidate : service)
        QVERIFY2(candidate.text.ends_with(".amazonaws.com"), candidate.text.c_str());
    const auto federated = texts(iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Principal\": {\"Federated\": \"|")));
    for (const char *provider : { "cognito-identity.amazonaws.com", "accounts.google.com",
                 "graph.facebook.com", "www.amazon.com" })
        QVERIFY2(contains(federated, provider), provider);
    QVERIFY(contains(federated, "arn:aws:iam::${Account}:saml-provider/${ProviderName}"));
    QCOMPARE(texts(iamx::completionCandidates(siteAt("{\"Statement\": {\"Principal\": \"|"))),
            std::vector<std::string> { "*" });
    QVERIFY(iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Principal\": {\"CanonicalUser\": \"|"))
                    .empty());
}

void tst_PolicyCompletion::principalValuesFromTheAccount()
{
    iamx::CompletionAccountContext account;
    account.accountId = "111122223333";
    account.userArns = { "arn:aws:iam::111122223333:user/alice" };
    account.roleArns = { "arn:aws:iam::111122223333:role/Admin" };
    account.providerArns = { "arn:aws:iam::111122223333:saml-provider/Okta" };
    const auto aws = texts(
            iamx::completionCandidates(siteAt("{\"Statement\": {\"Principal\": {\"AWS\": \"|"),
                    iamx::ActionCatalog::instance(), 500, &account));
    QCOMPARE(std::vector<std::string>(aws.begin(), aws.begin() + 4),
            (std::vector<std::string> { "*", "arn:aws:iam::111122223333:root",
                    "arn:aws:iam::111122223333:user/alice",
                    "arn:aws:iam::111122223333:role/Admin" }));
    const auto typed = texts(iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Principal\": {\"AWS\": \"arn:aws:iam::111122223333:r|"),
            iamx::ActionCatalog::instance(), 500, &account));
    QCOMPARE(typed,
            (std::vector<std::string> {
                    "arn:aws:iam::111122223333:root", "arn:aws:iam::111122223333:role/Admin" }));
    const auto federated = iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Principal\": {\"Federated\": \"|"),
            iamx::ActionCatalog::instance(), 500, &account);
    QCOMPARE(federated.front().text, std::string("arn:aws:iam::111122223333:saml-provider/Okta"));
    QCOMPARE(federated.front().detail, std::string("SAML provider"));
}

void tst_PolicyCompletion::resourcesFromTheAccount()
{
    iamx::CompletionAccountContext account;
    account.resourceArns = { "arn:aws:dynamodb:us-east-1:111122223333:table/Orders",
        "arn:aws:s3:::reports" };
    const auto resources = texts(iamx::completionCandidates(
            siteAt("{\"Statement\": {\"Action\": \"s3:ListBucket\", \"Resource\": \"|"),
            iamx::ActionCatalog::instance(), 500, &account));
    // The templates, then the account's resources, those the actions act on first.
    const auto reports = std::find(resources.begin(), resources.end(), "arn:aws:s3:::reports");
    const auto orders = std::find(resources.begin(), resources.end(),
            "arn:aws:dynamodb:us-east-1:111122223333:table/Orders");
    QVERIFY(reports != resources.end() && orders != resources.end());
    QVERIFY(reports < orders);
    QVERIFY(contains(resources, "arn:aws:s3:::${BucketName}"));
}

void tst_PolicyCompletion::sidFromEffectAndActions()
{
    using iamx::suggestedSid;
    QCOMPARE(suggestedSid("Allow", { "s3:GetObject" }), std::string("AllowS3GetObject"));
    QCOMPARE(suggestedSid("Deny", { "iam:*" }), std::string("DenyIamAll"));
    QCOMPARE(suggestedSid("Allow", { "*" }), std::string("AllowAll"));
    QCOMPARE(suggestedSid("Deny", { "iam:*", "organizations:*" }, true),
            std::string("DenyAllButIamAllOrganizationsAll"));
    QCOMPARE(suggestedSid("Allow", { "s3:GetObject", "s3:PutObject", "ec2:Describe*" }),
            std::string("AllowS3GetObjectPutObjectEc2Describe"));
    QCOMPARE(suggestedSid("Allow", { "s3:GetObject", "s3:PutObject" }, false, true),
            std::string("AllowS3"));
    QCOMPARE(suggestedSid("Allow", { "s3:A", "s3:B", "resource-groups:C", "ec2:D" }),
            std::string("AllowS3ResourceGroupsEc2"));
    QCOMPARE(suggestedSid("", { "s3:GetObject" }), std::string("S3GetObject"));
    QCOMPARE(suggestedSid("Maybe", {}), std::string());
    // The site: the effect and actions of the statement, also after the cursor.
    const auto candidates = texts(iamx::completionCandidates(siteAt(statementHead
            + "      \"Sid\": \"|\",\n      \"Effect\": \"Allow\",\n      \"Action\": "
              "[\"s3:GetObject\", \"s3:PutObject\"]\n    }\n  ]\n}")));
    QCOMPARE(candidates, (std::vector<std::string> { "AllowS3GetObjectPutObject", "AllowS3" }));
    for (const auto &sid : candidates)
        QVERIFY(std::all_of(sid.begin(), sid.end(), [](char c) { return std::isalnum(c); }));
    QVERIFY(iamx::completionCandidates(siteAt("{\"Statement\": {\"Sid\": \"|")).empty());
}

void tst_PolicyCompletion::accountContextOfTheDemoAccount()
{
    auto loaded =
            iamx::loadAccount({ { "demo", std::string(iamx::resources::demoAccountText()) } });
    QVERIFY(loaded.value);
    const auto context = iamx::completionAccountContext(*loaded.value, { "arn:aws:s3:::x" });
    QCOMPARE(context.accountId, loaded.value->accountId());
    QCOMPARE(context.organizationId, std::string("o-a1b2c3d4e5"));
    QCOMPARE(context.userArns.size(), loaded.value->users().size());
    QCOMPARE(context.roleArns.size(), loaded.value->roles().size());
    QVERIFY(std::is_sorted(context.roleArns.begin(), context.roleArns.end()));
    QVERIFY(contains(context.providerArns,
            "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"));
    QVERIFY(contains(context.resourceArns, "arn:aws:s3:::x"));
    QVERIFY(context.resourceArns.size() > 1);
}

void tst_PolicyCompletion::describesActionPatterns_data()
{
    QTest::addColumn<std::string>("pattern");
    QTest::addColumn<bool>("matches");
    QTest::addColumn<std::string>("textStart");

    QTest::newRow("one action") << std::string("s3:GetObject") << true
                                << std::string("s3:GetObject matches 1 action (Read 1)");
    QTest::newRow("glob") << std::string("s3:Get*") << true << std::string("s3:Get* matches ");
    QTest::newRow("no colon") << std::string("GetObject") << false
                              << std::string("GetObject matches no action: an action is written");
    QTest::newRow("unknown service")
            << std::string("nosuch:Get*") << false
            << std::string("nosuch:Get* matches no action: no AWS service has the prefix");
    QTest::newRow("unknown action") << std::string("s3:Fly") << false
                                    << std::string("s3:Fly matches no action: no action of s3");
    QTest::newRow("wildcard service")
            << std::string("s*:Get*") << false
            << std::string("s*:Get* matches no action: a service prefix cannot");
}

void tst_PolicyCompletion::describesActionPatterns()
{
    QFETCH(std::string, pattern);
    QFETCH(bool, matches);
    QFETCH(std::string, textStart);
    const auto description = iamx::describeActionPattern(pattern);
    QCOMPARE(description.count > 0, matches);
    const std::string text = iamx::actionPatternText(description);
    QVERIFY2(text.starts_with(textStart), text.c_str());
    size_t sum = 0;
    for (const size_t count : description.byLevel)
        sum += count;
    QCOMPARE(sum, description.count);
    QVERIFY(description.names.size() <= 8);
    if (description.count > 8)
        QVERIFY2(text.find("more") != std::string::npos, text.c_str());
}

void tst_PolicyCompletion::hoverTextOnlyOnActions()
{
    const std::string text =
            "{\"Statement\": {\"Action\": [\"s3:Get*\"], \"Resource\": \"s3:Get*\"}}";
    const std::string hover = iamx::actionPatternTextAt(text, text.find("Get*") + 1);
    QVERIFY2(hover.starts_with("s3:Get* matches "), hover.c_str());
    QVERIFY(hover.find("s3:GetObject") != std::string::npos
            || hover.find("more") != std::string::npos);
    QVERIFY(iamx::actionPatternTextAt(text, text.rfind("Get*") + 1).empty());
    QVERIFY(iamx::actionPatternTextAt(text, text.find("Statement") + 1).empty());
}

void tst_PolicyCompletion::hostileTextNeverCrashes()
{
    const std::vector<std::string> texts = { "", "\"", "{", "}", "]]]]", "{\"Statement\":[[[[",
        "{\"Statement\": {\"Condition\": {\"Bool\": [\"", std::string(1000, '{'),
        std::string(1000, '['), "{\"a\\", "\"\\",
        "{\"Statement\": {\"Action\": \"\xff\xfe:", "{\"Statement\": {\"Resource\": \"${${}}${",
        "{\"Statement\": {\"Principal\": [{\"AWS\": [\"",
        "{\"Statement\": {\"Condition\": {\"X\": [{\"k\": [\"${aws:" };
    for (const auto &text : texts) {
        for (size_t offset = 0; offset <= text.size() + 1; ++offset) {
            const CompletionSite site = iamx::completionSiteAt(text, offset);
            QVERIFY(site.replaceStart <= site.replaceEnd);
            QVERIFY(site.replaceEnd <= text.size());
            iamx::completionCandidates(site);
        }
    }
}

QTEST_APPLESS_MAIN(tst_PolicyCompletion)
#include "tst_policycompletion.moc"
