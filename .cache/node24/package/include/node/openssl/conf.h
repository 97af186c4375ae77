#if defined(OPENSSL_NO_ASM)
# include "./conf_no-asm.h"
#else
# include "./conf_asm.h"
#endif
