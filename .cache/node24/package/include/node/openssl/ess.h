#if defined(OPENSSL_NO_ASM)
# include "./ess_no-asm.h"
#else
# include "./ess_asm.h"
#endif
