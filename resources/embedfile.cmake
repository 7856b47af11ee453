# cmake -DINPUT=file -DOUTPUT=file.cpp -P embedfile.cmake
# Writes the bytes of INPUT as a C++ array, `iamx::resources::demoAccountBytes`.
file(READ ${INPUT} content HEX)
string(LENGTH "${content}" hexLength)
math(EXPR size "${hexLength} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${content}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE ${OUTPUT} "// Generated from ${INPUT} by embedfile.cmake. Do not edit.\n"
    "#include <cstddef>\nnamespace iamx::resources {\n"
    "extern const unsigned char demoAccountBytes[];\nextern const std::size_t demoAccountSize;\n"
    "const unsigned char demoAccountBytes[] = {\n${bytes}0x00};\n"
    "const std::size_t demoAccountSize = ${size};\n}\n")
