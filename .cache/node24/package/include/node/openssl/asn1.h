#if defined(OPENSSL_NO_ASM)
# include "./asn1_no-asm.h"
#else
# include "./asn1_asm.h"
#endif
