#pragma once

#include <cstddef>

// Counts the calls of the global allocation functions, so tests can check that functions
// documented "Allocates nothing" keep that promise. A test executable that lists
// allocationcounter.cpp among its sources gets replaced global operator new / delete.

namespace iamx::test {

/// Number of operator new calls made by the calling thread so far.
std::size_t allocationCount();

} // namespace iamx::test
