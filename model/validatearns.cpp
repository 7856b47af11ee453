#include "model/validationcontext.h"

namespace iamx::validation {

void checkArns(Context &)
{
}

} // namespace iamx::validation
