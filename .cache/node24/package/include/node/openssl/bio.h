#if defined(OPENSSL_NO_ASM)
# include "./bio_no-asm.h"
#else
# include "./bio_asm.h"
#endif
