#if defined(OPENSSL_NO_ASM)
# include "./pkcs12_no-asm.h"
#else
# include "./pkcs12_asm.h"
#endif
