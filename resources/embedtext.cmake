# cmake -DINPUT=file -DOUTPUT=file.cpp -DSYMBOL=name -DSIZE_SYMBOL=name -P embedtext.cmake
# Writes the text of INPUT as `const char iamx::resources::SYMBOL[]` (NUL-terminated) and
# `const std::size_t SIZE_SYMBOL`, in raw string literals of at most 60000 bytes each (the
# compilers' limit is larger, the standard's minimum 65536): a braced byte array of several MB
# takes minutes to compile under the sanitizers, string literals take a moment.
file(READ ${INPUT} content)
string(LENGTH "${content}" size)
set(delimiter "iamx~catalog")
string(FIND "${content}" ")${delimiter}\"" clash)
if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${INPUT} holds the raw-string delimiter )${delimiter}\"")
endif()
file(WRITE ${OUTPUT} "// Generated from ${INPUT} by embedtext.cmake. Do not edit.\n"
    "#include <cstddef>\nnamespace iamx::resources {\n"
    "extern const char ${SYMBOL}[];\nextern const std::size_t ${SIZE_SYMBOL};\n"
    "const char ${SYMBOL}[] =\n")
set(chunk 60000)
set(offset 0)
while(offset LESS size)
    string(SUBSTRING "${content}" ${offset} ${chunk} piece)
    file(APPEND ${OUTPUT} "R\"${delimiter}(${piece})${delimiter}\"\n")
    math(EXPR offset "${offset} + ${chunk}")
endwhile()
file(APPEND ${OUTPUT} "\"\";\nconst std::size_t ${SIZE_SYMBOL} = ${size};\n}\n")
