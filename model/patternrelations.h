#pragma once

#include <string_view>

// How two Resource patterns relate, without a request: does one take in every ARN the other
// names, do they share any? The account-wide checks use these to say that a Deny always
// overrides an Allow, or that a boundary lets none of an Allow through. Both answer
// conservatively: "covers" only when sure, "overlap" unless sure they do not.

namespace iamx {

/// True when every ARN `inner` matches is matched by `outer` as well: `*`, equal text, or
/// `outer` matching `inner` component by component. A policy variable in `outer` (unknown
/// here) makes it cover only what it equals.
bool resourcePatternCovers(std::string_view outer, std::string_view inner);

/// True when some ARN could match both patterns. `*` and `?` are globs over the whole text,
/// and a policy variable (`${aws:username}`) may stand for anything, so this errs toward yes.
bool resourcePatternsOverlap(std::string_view a, std::string_view b);

} // namespace iamx
