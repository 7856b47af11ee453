#include "testsupport.h"

#include <QTest>

#include <fstream>
#include <sstream>

namespace iamx::test {

std::string testDataPath(std::string_view relative)
{
    std::string path = IAMX_TEST_DATA_DIR;
    path += '/';
    path += relative;
    return path;
}

std::string readFile(const std::string &path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        QTest::qFail(("cannot read " + path).c_str(), __FILE__, __LINE__);
        return {};
    }
    std::ostringstream content;
    content << in.rdbuf();
    return content.str();
}

} // namespace iamx::test
