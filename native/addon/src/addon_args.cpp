#include "addon_args.h"

#include <cmath>
#include <limits>

#include "addon_errors.h"

namespace vecgres_addon {
namespace {

// Address handed out for empty buffers (V8 may report null data for a zero-length buffer).
alignas(64) const uint8_t kEmptyBufferData[64] = {};

uint8_t* NonNull(void* data) {
  return data != nullptr ? static_cast<uint8_t*>(data) : const_cast<uint8_t*>(kEmptyBufferData);
}

BufferArg FromTypedArray(const Napi::Value& value) {
  napi_env env = value.Env();
  BufferArg arg;
  napi_typedarray_type type;
  size_t length = 0;
  void* data = nullptr;
  napi_value array_buffer;
  size_t byte_offset = 0;
  // napi_get_typedarray_info's data pointer already includes byte_offset and, unlike
  // Napi::TypedArray::ArrayBuffer().Data(), also works for views over a SharedArrayBuffer.
  napi_status status =
      napi_get_typedarray_info(env, value, &type, &length, &data, &array_buffer, &byte_offset);
  NAPI_THROW_IF_FAILED(env, status, arg);
  arg.object = value.As<Napi::Object>();
  arg.is_typed_array = true;
  arg.type = type;
  arg.length = length;
  arg.byte_length = value.As<Napi::TypedArray>().ByteLength();
  arg.data = NonNull(data);
  return arg;
}

BufferArg FromArrayBuffer(const Napi::Value& value) {
  Napi::ArrayBuffer buffer = value.As<Napi::ArrayBuffer>();
  BufferArg arg;
  arg.object = buffer;
  arg.byte_length = buffer.ByteLength();  // 0 once detached
  arg.length = arg.byte_length;
  arg.data = NonNull(buffer.Data());
  return arg;
}

}  // namespace

const char* TypedArrayName(napi_typedarray_type type) {
  switch (type) {
    case napi_int8_array:
      return "Int8Array";
    case napi_uint8_array:
      return "Uint8Array";
    case napi_uint8_clamped_array:
      return "Uint8ClampedArray";
    case napi_int16_array:
      return "Int16Array";
    case napi_uint16_array:
      return "Uint16Array";
    case napi_int32_array:
      return "Int32Array";
    case napi_uint32_array:
      return "Uint32Array";
    case napi_float32_array:
      return "Float32Array";
    case napi_float64_array:
      return "Float64Array";
    case napi_bigint64_array:
      return "BigInt64Array";
    case napi_biguint64_array:
      return "BigUint64Array";
    default:  // newer kinds (e.g. Float16Array) that no scan accepts
      return "TypedArray";
  }
}

std::string DescribeValue(const Napi::Value& value) {
  if (value.IsTypedArray()) return TypedArrayName(value.As<Napi::TypedArray>().TypedArrayType());
  if (value.IsArrayBuffer()) return "ArrayBuffer";
  if (value.IsNull()) return "null";
  if (value.IsUndefined()) return "undefined";
  if (value.IsArray()) return "Array";
  if (value.IsDataView()) return "DataView";
  switch (value.Type()) {
    case napi_boolean:
      return "boolean";
    case napi_number:
      return "number";
    case napi_string:
      return "string";
    case napi_symbol:
      return "symbol";
    case napi_function:
      return "function";
    case napi_bigint:
      return "bigint";
    default:
      return "object";
  }
}

BufferArg ReadTypedArray(const Napi::Value& value, napi_typedarray_type type, const std::string& what) {
  if (!value.IsTypedArray() || value.As<Napi::TypedArray>().TypedArrayType() != type) {
    const std::string name = TypedArrayName(type);
    const char* article = name[0] == 'I' ? "an " : "a ";  // "an Int8Array", "a Float32Array"
    ThrowInvalid(what + " must be " + article + name + " (got " + DescribeValue(value) + ")");
  }
  return FromTypedArray(value);
}

BufferArg ReadBuffer(const Napi::Value& value, napi_typedarray_type type, bool type_required,
                     const std::string& what) {
  if (value.IsArrayBuffer()) return FromArrayBuffer(value);
  if (value.IsTypedArray()) {
    if (!type_required || value.As<Napi::TypedArray>().TypedArrayType() == type) return FromTypedArray(value);
  }
  ThrowInvalid(what + " must be an ArrayBuffer or a " +
               (type_required ? std::string(TypedArrayName(type)) : std::string("TypedArray")) +
               " (got " + DescribeValue(value) + ")");
}

uint64_t ReadInteger(const Napi::Value& value, uint64_t min, uint64_t max, const std::string& what) {
  if (!value.IsNumber()) ThrowInvalid(what + " must be a number (got " + DescribeValue(value) + ")");
  const double x = value.As<Napi::Number>().DoubleValue();
  // Compare as doubles first: NaN, infinities and fractions fail here, and the range test keeps
  // the later cast defined (max is at most 2^53 in practice, which doubles hold exactly).
  if (!std::isfinite(x) || std::floor(x) != x || x < static_cast<double>(min) ||
      x > static_cast<double>(max)) {
    ThrowInvalid(what + " must be an integer in [" + std::to_string(min) + ", " + std::to_string(max) +
                 "] (got " + value.ToString().Utf8Value() + ")");
  }
  return static_cast<uint64_t>(x);
}

uint64_t ReadOptionalInteger(const Napi::Object& object, const char* key, uint64_t min,
                             uint64_t max, uint64_t fallback) {
  Napi::Value value = object.Get(key);
  if (value.IsUndefined()) return fallback;
  return ReadInteger(value, min, max, key);
}

Napi::Object ReadObject(const Napi::Value& value, const std::string& what) {
  if (!value.IsObject() || value.IsArray() || value.IsTypedArray() || value.IsFunction()) {
    ThrowInvalid(what + " must be an object (got " + DescribeValue(value) + ")");
  }
  return value.As<Napi::Object>();
}

size_t CheckedMul(size_t a, size_t b, const char* what) {
  if (a != 0 && b > std::numeric_limits<size_t>::max() / a) {
    ThrowInvalid(std::string(what) + " is too large (size overflow)");
  }
  return a * b;
}

size_t CheckedAdd(size_t a, size_t b, const char* what) {
  if (b > std::numeric_limits<size_t>::max() - a) {
    ThrowInvalid(std::string(what) + " is too large (size overflow)");
  }
  return a + b;
}

}  // namespace vecgres_addon
