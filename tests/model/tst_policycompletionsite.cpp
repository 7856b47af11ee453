#include "tests/model/policycompletiontest.h"

// Completion in the policy editor, the site at the cursor: what the cursor is on in a policy
// being typed (usually not valid JSON), the prefix typed and the range a candidate replaces,
// the facts of the statement around it; hostile text; the hover text of action patterns.
// The candidates offered: tst_policycompletioncandidates and tst_policycompletionvalues.

class tst_PolicyCompletionSite : public QObject
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
    void conditionValueSiteNamesKeyAndOperator();
    void describesActionPatterns_data();
    void describesActionPatterns();
    void hoverTextOnlyOnActions();
    void hostileTextNeverCrashes();
};

void tst_PolicyCompletionSite::site_data()
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

void tst_PolicyCompletionSite::site()
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

void tst_PolicyCompletionSite::typedPrefixAndReplacedRange()
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

void tst_PolicyCompletionSite::stringClosedByTheNextOneIsNotEaten()
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

void tst_PolicyCompletionSite::statementFactsIncludeWhatFollowsTheCursor()
{
    const CompletionSite site = siteAt(statementHead
            + "      \"Resource\": \"|\",\n      \"Action\": [\"s3:GetObject\", "
              "\"s3:PutObject\"]\n    },\n    {\"Action\": \"ec2:*\"}\n  ]\n}");
    QCOMPARE(site.context, CompletionContext::ResourceValue);
    QCOMPARE(site.actions, (std::vector<std::string> { "s3:GetObject", "s3:PutObject" }));
    QVERIFY(!site.notAction);
}

void tst_PolicyCompletionSite::presentKeysAreNotOfferedAgain()
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

void tst_PolicyCompletionSite::notActionNarrowsNothing()
{
    const CompletionSite site =
            siteAt("{\"Statement\": {\"NotAction\": \"iam:*\", \"Resource\": \"|\"}}");
    QVERIFY(site.notAction);
    QCOMPARE(texts(iamx::completionCandidates(site)), std::vector<std::string> { "*" });
}

void tst_PolicyCompletionSite::conditionValueSiteNamesKeyAndOperator()
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

void tst_PolicyCompletionSite::describesActionPatterns_data()
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

void tst_PolicyCompletionSite::describesActionPatterns()
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

void tst_PolicyCompletionSite::hoverTextOnlyOnActions()
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

void tst_PolicyCompletionSite::hostileTextNeverCrashes()
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

QTEST_APPLESS_MAIN(tst_PolicyCompletionSite)
#include "tst_policycompletionsite.moc"
