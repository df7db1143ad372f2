// Argument readers for the glue: every check runs on the JS thread before a worker is queued,
// and every failure throws AddonError(kInvalidArgument) with a message naming the argument.
#pragma once

#include <napi.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace vecgres_addon {

// A validated view of JS-owned memory (an ArrayBuffer or a TypedArray, possibly over a
// SharedArrayBuffer). `data` is never null (an empty buffer gets a static dummy address) so
// the core's null checks only ever see a caller's real mistake.
struct BufferArg {
  Napi::Object object;  // what the worker must Keep()
  uint8_t* data = nullptr;
  size_t byte_length = 0;
  size_t length = 0;  // elements (== byte_length for an ArrayBuffer)
  bool is_typed_array = false;
  napi_typedarray_type type = napi_uint8_array;
};

// "Float32Array", "Int8Array", ...
const char* TypedArrayName(napi_typedarray_type type);

// A short description of a JS value for error messages: "Int8Array", "ArrayBuffer", "null",
// "string", "undefined", "object", ...
std::string DescribeValue(const Napi::Value& value);

// A TypedArray of exactly `type` (a Buffer counts as a Uint8Array).
BufferArg ReadTypedArray(const Napi::Value& value, napi_typedarray_type type, const std::string& what);

// An ArrayBuffer, or a TypedArray of exactly `type` when `type_required`, or of any type.
BufferArg ReadBuffer(const Napi::Value& value, napi_typedarray_type type, bool type_required,
                     const std::string& what);

// A JS number that is an integer in [min, max]; `what` names it in the error message.
uint64_t ReadInteger(const Napi::Value& value, uint64_t min, uint64_t max, const std::string& what);

// Property `key` of `object` via ReadInteger, or `fallback` when the property is undefined.
uint64_t ReadOptionalInteger(const Napi::Object& object, const char* key, uint64_t min,
                             uint64_t max, uint64_t fallback);

// The object at `value`, or AddonError naming `what`.
Napi::Object ReadObject(const Napi::Value& value, const std::string& what);

// a * b, or AddonError(kInvalidArgument) naming `what` when it overflows size_t.
size_t CheckedMul(size_t a, size_t b, const char* what);
size_t CheckedAdd(size_t a, size_t b, const char* what);

}  // namespace vecgres_addon
