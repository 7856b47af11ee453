#include "model/patternrelations.h"

#include <QTest>

// How two Resource patterns relate (patternrelations.h): the account-wide checks call an Allow
// dead only when a Deny covers all of it or a boundary shares none of it, so "covers" must
// never say yes wrongly and "overlap" must never say no wrongly.

class tst_PatternRelations : public QObject
{
    Q_OBJECT

private slots:
    void covers_data();
    void covers();
    void overlap_data();
    void overlap();
};

void tst_PatternRelations::covers_data()
{
    QTest::addColumn<QString>("outer");
    QTest::addColumn<QString>("inner");
    QTest::addColumn<bool>("expected");
    QTest::newRow("star covers all") << "*"
                                     << "arn:aws:s3:::b/*" << true;
    QTest::newRow("equal") << "arn:aws:s3:::b/k"
                           << "arn:aws:s3:::b/k" << true;
    QTest::newRow("bucket objects") << "arn:aws:s3:::b/*"
                                    << "arn:aws:s3:::b/home/*" << true;
    QTest::newRow("narrower does not") << "arn:aws:s3:::b/home/*"
                                       << "arn:aws:s3:::b/*" << false;
    QTest::newRow("nothing covers star") << "arn:aws:s3:::*"
                                         << "*" << false;
    // A `?` matches one character, not the run a `*` stands for.
    QTest::newRow("question vs star") << "arn:aws:s3:::b/?"
                                      << "arn:aws:s3:::b/*" << false;
    // The inner variable may be anything: only a pattern taking in anything there covers it.
    QTest::newRow("variable inside a star") << "arn:aws:s3:::b/*"
                                            << "arn:aws:s3:::b/${aws:username}/*" << true;
    QTest::newRow("variable vs literal") << "arn:aws:s3:::b/alice/*"
                                         << "arn:aws:s3:::b/${aws:username}/*" << false;
    // The outer variable is unknown here: it covers only its own text.
    QTest::newRow("outer variable") << "arn:aws:s3:::b/${aws:username}/*"
                                    << "arn:aws:s3:::b/alice/x" << false;
}

void tst_PatternRelations::covers()
{
    QFETCH(QString, outer);
    QFETCH(QString, inner);
    QFETCH(bool, expected);
    QCOMPARE(iamx::resourcePatternCovers(outer.toStdString(), inner.toStdString()), expected);
}

void tst_PatternRelations::overlap_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::addColumn<bool>("expected");
    QTest::newRow("star and anything") << "*"
                                       << "arn:aws:ec2:*:*:instance/*" << true;
    QTest::newRow("part of star") << "arn:aws:s3:::*"
                                  << "*" << true;
    QTest::newRow("other service") << "arn:aws:s3:::*"
                                   << "arn:aws:ec2:*:*:instance/*" << false;
    QTest::newRow("prefixes") << "arn:aws:s3:::b/a*"
                              << "arn:aws:s3:::b/*z" << true;
    QTest::newRow("disjoint literals") << "arn:aws:s3:::b/a*"
                                       << "arn:aws:s3:::b/c*" << false;
    QTest::newRow("question mark") << "arn:aws:s3:::b/?"
                                   << "arn:aws:s3:::b/x" << true;
    QTest::newRow("question mark too short") << "arn:aws:s3:::b/??"
                                             << "arn:aws:s3:::b/x" << false;
    QTest::newRow("stars on both sides") << "*a*"
                                         << "*b*" << true;
    QTest::newRow("variable is anything") << "arn:aws:s3:::b/${aws:username}"
                                          << "arn:aws:s3:::b/alice" << true;
    QTest::newRow("empty and star") << ""
                                    << "*" << true;
    QTest::newRow("empty and literal") << ""
                                       << "a" << false;
}

void tst_PatternRelations::overlap()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    QFETCH(bool, expected);
    QCOMPARE(iamx::resourcePatternsOverlap(a.toStdString(), b.toStdString()), expected);
    // Overlap is symmetric.
    QCOMPARE(iamx::resourcePatternsOverlap(b.toStdString(), a.toStdString()), expected);
}

QTEST_APPLESS_MAIN(tst_PatternRelations)
#include "tst_patternrelations.moc"
