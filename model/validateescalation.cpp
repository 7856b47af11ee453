#include "model/validationcontext.h"

namespace iamx::validation {

void checkEscalation(Context &)
{
}

} // namespace iamx::validation
