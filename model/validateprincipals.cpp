#include "model/validationcontext.h"

namespace iamx::validation {

void checkPrincipals(Context &)
{
}

} // namespace iamx::validation
