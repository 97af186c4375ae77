#if defined(OPENSSL_NO_ASM)
# include "./comp_no-asm.h"
#else
# include "./comp_asm.h"
#endif
