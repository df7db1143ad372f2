// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78): the checksum of every WAL record and
// every sealed segment file. Same definition as iSCSI / ext4 / PostgreSQL's pg_crc32c, so the
// check value of "123456789" is 0xE3069283.
#pragma once

#include <cstddef>
#include <cstdint>

namespace vecgres {

// CRC-32C of `bytes` bytes at `data`, continuing from `crc` (the value returned for the bytes
// before; 0 to start). Chaining holds: crc32c(crc32c(0, a), b) == crc32c(0, a ++ b).
// Uses SSE4.2 `crc32` when the CPU has it (checked once at first use), else slicing-by-8.
uint32_t crc32c(uint32_t crc, const void* data, size_t bytes);

// The portable slicing-by-8 path, exposed so tests can compare it with the hardware path.
uint32_t crc32c_portable(uint32_t crc, const void* data, size_t bytes);

// True when crc32c() uses the SSE4.2 instruction on this CPU.
bool crc32c_hardware_available();

}  // namespace vecgres
