#include "model/validationcontext.h"

namespace iamx::validation {

void checkConditionValues(Context &)
{
}

} // namespace iamx::validation
