#if defined(OPENSSL_NO_ASM)
# include "./opensslv_no-asm.h"
#else
# include "./opensslv_asm.h"
#endif
