#if defined(OPENSSL_NO_ASM)
# include "./crypto_no-asm.h"
#else
# include "./crypto_asm.h"
#endif
