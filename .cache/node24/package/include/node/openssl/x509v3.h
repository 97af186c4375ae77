#if defined(OPENSSL_NO_ASM)
# include "./x509v3_no-asm.h"
#else
# include "./x509v3_asm.h"
#endif
