#if defined(OPENSSL_NO_ASM)
# include "./param_names_no-asm.h"
#else
# include "./param_names_asm.h"
#endif
