#if defined(OPENSSL_NO_ASM)
# include "./err_no-asm.h"
#else
# include "./err_asm.h"
#endif
