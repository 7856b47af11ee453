#pragma once

#include <string_view>

// Does a policy's Resource entry fit a resource type of the action catalog? The catalog gives
// each resource type an ARN format with named variables (`arn:${Partition}:s3:::${BucketName}`);
// a policy gives a pattern with `*`, `?` and policy variables (`arn:aws:s3:::logs-*`). They fit
// when some ARN matches both, which is what the validator needs to say "this Resource matches
// no resource type of the statement's actions: the statement grants nothing".

namespace iamx {

/// True when some ARN could match both the policy resource pattern `resource` and the catalog
/// ARN format `format`. Follows the engine's matching (iam-evaluation.md §6): the text is split
/// at the first five colons, a wildcard never crosses a colon in the first five segments, the
/// resource part is one glob over the rest. On the format's side a `${Variable}` (or
/// `{Variable}`) stands for any text, except that `${BucketName}` holds no `/` (so
/// `arn:aws:s3:::b/*` fits an object, not a bucket); on the resource's side a policy variable
/// (`${aws:username}`) stands for any text. Lenient where AWS's own managed policies are: an
/// empty segment on either side (region, account) fits anything, the first four segments
/// ignore case (the resource part does not), and a pattern with fewer than six segments that
/// holds a wildcard is padded with `*` segments. `*` fits every format. Allocates a table of
/// (resource length x format length) bits.
bool resourceMatchesArnFormat(std::string_view resource, std::string_view format);

/// True when some text matches both `resourcePart`, the resource part of a policy pattern
/// (what follows its fifth colon, with the same wildcards and variables as above), and the
/// resource part of the catalog ARN format `format`; the other components are not compared.
/// For telling which resource types of a service an ARN can name.
bool resourcePartMatchesArnFormat(std::string_view resourcePart, std::string_view format);

} // namespace iamx
