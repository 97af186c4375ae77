#if defined(OPENSSL_NO_ASM)
# include "./ssl_no-asm.h"
#else
# include "./ssl_asm.h"
#endif
