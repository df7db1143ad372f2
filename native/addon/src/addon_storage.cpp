// Storage glue: CRC-32C checksums and read-only memory-mapped files (libs/storage uses them for
// WAL records and sealed segment files). O(n) work runs on the libuv threadpool; the workers
// hold a reference to every buffer they read until they settle.
//
//   crc32c(data, seed?)              sync, data.byteLength <= 64 KiB only
//   crc32cAsync(data, seed?)         Promise<number>
//   crc32cHardware()                 boolean (SSE4.2 path in use)
//   openMappedFile(path)             Promise<AddonMappedFile>
//   mappedCrc32c(file, offset, len, seed?)  Promise<number> (the range is not left resident)
//   AddonMappedFile: byteLength, isClosed, close(), readInto(offset, target), advise(hint, off?, len?)
#include <napi.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <memory>
#include <string>

#include "addon_mapped_file.h"
#include "vecgres/crc32c.h"
#include "vecgres/mapped_file.h"

namespace {

using SharedMapping = std::shared_ptr<const vecgres::MappedFile>;

// Inputs above this size must use crc32cAsync: ~64 KiB is a few microseconds at hardware speed,
// small enough to keep on the event loop.
constexpr size_t kSyncCrcLimit = 64 * 1024;

// Marks objects created by this file so UnwrapMappedFile can check what it is given.
constexpr napi_type_tag kMappedFileTag = {0x7665636772657331ULL, 0x6d61707065646631ULL};

Napi::Error CodedError(Napi::Env env, const char* code, const std::string& message) {
  Napi::Error e = Napi::Error::New(env, message);
  e.Set("code", Napi::String::New(env, code));
  return e;
}

const char* ErrnoCode(int err) {
  switch (err) {
    case ENOENT: return "ENOENT";
    case EACCES: return "EACCES";
    case EISDIR: return "EISDIR";
    case EMFILE: return "EMFILE";
    case ENFILE: return "ENFILE";
    case ENOMEM: return "ENOMEM";
    case EPERM: return "EPERM";
    default: return "EIO";
  }
}

// Bytes of any TypedArray, DataView-free Buffer or ArrayBuffer.
bool BytesOf(Napi::Value v, const uint8_t** data, size_t* len) {
  if (v.IsTypedArray()) {
    Napi::TypedArray ta = v.As<Napi::TypedArray>();
    *data = static_cast<const uint8_t*>(ta.ArrayBuffer().Data()) + ta.ByteOffset();
    *len = ta.ByteLength();
    return true;
  }
  if (v.IsArrayBuffer()) {
    Napi::ArrayBuffer ab = v.As<Napi::ArrayBuffer>();
    *data = static_cast<const uint8_t*>(ab.Data());
    *len = ab.ByteLength();
    return true;
  }
  return false;
}

uint32_t SeedArg(const Napi::CallbackInfo& info, size_t i) {
  if (info.Length() <= i || info[i].IsUndefined()) return 0;
  if (!info[i].IsNumber()) throw CodedError(info.Env(), "INVALID_ARGUMENT", "crc32c: seed must be a number");
  return info[i].As<Napi::Number>().Uint32Value();
}

// Non-negative integer argument (byte offsets/lengths), exact up to 2^53.
size_t SizeArg(const Napi::CallbackInfo& info, size_t i, const char* what) {
  if (info.Length() <= i || !info[i].IsNumber()) {
    throw CodedError(info.Env(), "INVALID_ARGUMENT", std::string(what) + " must be a number");
  }
  const double d = info[i].As<Napi::Number>().DoubleValue();
  if (!(d >= 0) || d != static_cast<double>(static_cast<uint64_t>(d)) || d > 9007199254740991.0) {
    throw CodedError(info.Env(), "INVALID_ARGUMENT", std::string(what) + " must be a non-negative integer");
  }
  return static_cast<size_t>(d);
}

// Settles a promise: OnOK resolves with Result(), OnError rejects with an Error carrying code_.
class StorageWorker : public Napi::AsyncWorker {
 public:
  explicit StorageWorker(Napi::Env env) : Napi::AsyncWorker(env), deferred_(Napi::Promise::Deferred::New(env)) {}
  Napi::Promise Promise() { return deferred_.Promise(); }

 protected:
  virtual Napi::Value Result(Napi::Env env) = 0;
  void Fail(const char* code, const std::string& message) {
    code_ = code;
    SetError(message);
  }
  void OnOK() override {
    Napi::HandleScope scope(Env());
    deferred_.Resolve(Result(Env()));
  }
  void OnError(const Napi::Error& e) override {
    Napi::HandleScope scope(Env());
    deferred_.Reject(CodedError(Env(), code_, e.Message()).Value());
  }

 private:
  Napi::Promise::Deferred deferred_;
  const char* code_ = "INTERNAL";
};

class Crc32cWorker : public StorageWorker {
 public:
  Crc32cWorker(Napi::Env env, Napi::Object buffer, const uint8_t* data, size_t len, uint32_t seed)
      : StorageWorker(env), buffer_(Napi::Persistent(buffer)), data_(data), len_(len), crc_(seed) {}
  void Execute() override { crc_ = vecgres::crc32c(crc_, data_, len_); }
  Napi::Value Result(Napi::Env env) override { return Napi::Number::New(env, crc_); }

 private:
  Napi::ObjectReference buffer_;  // keeps the input alive while a pool thread reads it
  const uint8_t* data_;
  size_t len_;
  uint32_t crc_;
};

class AddonMappedFile : public Napi::ObjectWrap<AddonMappedFile> {
 public:
  static Napi::Function DefineClass(Napi::Env env) {
    return Napi::ObjectWrap<AddonMappedFile>::DefineClass(
        env, "MappedFile",
        {InstanceAccessor<&AddonMappedFile::ByteLength>("byteLength"),
         InstanceAccessor<&AddonMappedFile::IsClosed>("isClosed"),
         InstanceMethod<&AddonMappedFile::Close>("close"),
         InstanceMethod<&AddonMappedFile::ReadInto>("readInto"),
         InstanceMethod<&AddonMappedFile::ReadRanges>("readRanges"),
         InstanceMethod<&AddonMappedFile::Advise>("advise")});
  }

  // Constructed only by openMappedFile's worker, which passes the mapping as an External.
  explicit AddonMappedFile(const Napi::CallbackInfo& info) : Napi::ObjectWrap<AddonMappedFile>(info) {
    if (info.Length() != 1 || !info[0].IsExternal()) {
      throw CodedError(info.Env(), "INVALID_ARGUMENT", "MappedFile objects are created by openMappedFile()");
    }
    auto* owned = info[0].As<Napi::External<SharedMapping>>().Data();
    mapping_ = std::move(*owned);
    delete owned;
    info.This().As<Napi::Object>().TypeTag(&kMappedFileTag);
  }

  const SharedMapping& mapping() const { return mapping_; }

 private:
  const vecgres::MappedFile& Open(Napi::Env env) const {
    if (!mapping_) throw CodedError(env, "INVALID_ARGUMENT", "mapped file is closed");
    return *mapping_;
  }
  Napi::Value ByteLength(const Napi::CallbackInfo& info) {
    return Napi::Number::New(info.Env(), static_cast<double>(Open(info.Env()).size()));
  }
  Napi::Value IsClosed(const Napi::CallbackInfo& info) { return Napi::Boolean::New(info.Env(), !mapping_); }
  // Drops this object's share of the mapping; in-flight workers keep theirs until they finish.
  Napi::Value Close(const Napi::CallbackInfo& info) {
    mapping_.reset();
    return info.Env().Undefined();
  }
  // Synchronous copy for small reads (tests, headers); returns the bytes copied.
  Napi::Value ReadInto(const Napi::CallbackInfo& info) {
    const vecgres::MappedFile& f = Open(info.Env());
    const size_t offset = SizeArg(info, 0, "readInto: offset");
    const uint8_t* dst = nullptr;
    size_t len = 0;
    if (info.Length() < 2 || !info[1].IsTypedArray() || !BytesOf(info[1], &dst, &len)) {
      throw CodedError(info.Env(), "INVALID_ARGUMENT", "readInto: target must be a TypedArray");
    }
    if (offset > f.size() || len > f.size() - offset) {
      throw CodedError(info.Env(), "INVALID_ARGUMENT", "readInto: range is outside the file");
    }
    if (len > 0) std::memcpy(const_cast<uint8_t*>(dst), f.data() + offset, len);
    return Napi::Number::New(info.Env(), static_cast<double>(len));
  }
  // readRanges(ranges: Float64Array [start, end, start, end, ...], target): copies the byte
  // ranges back to back into target and returns the bytes copied. One call for many small
  // reads (the payloads of a query's result rows) instead of one readInto each.
  Napi::Value ReadRanges(const Napi::CallbackInfo& info) {
    const vecgres::MappedFile& f = Open(info.Env());
    if (info.Length() < 2 || !info[0].IsTypedArray() ||
        info[0].As<Napi::TypedArray>().TypedArrayType() != napi_float64_array) {
      throw CodedError(info.Env(), "INVALID_ARGUMENT", "readRanges: ranges must be a Float64Array");
    }
    const Napi::Float64Array ranges = info[0].As<Napi::Float64Array>();
    const uint8_t* dst = nullptr;
    size_t cap = 0;
    if (!info[1].IsTypedArray() || !BytesOf(info[1], &dst, &cap)) {
      throw CodedError(info.Env(), "INVALID_ARGUMENT", "readRanges: target must be a TypedArray");
    }
    const size_t n = ranges.ElementLength();
    if (n % 2 != 0) throw CodedError(info.Env(), "INVALID_ARGUMENT", "readRanges: ranges must hold start, end pairs");
    const double size = static_cast<double>(f.size());
    size_t pos = 0;
    for (size_t i = 0; i < n; i += 2) {
      const double start = ranges[i];
      const double end = ranges[i + 1];
      if (!(start >= 0 && start <= end && end <= size) || start != std::floor(start) || end != std::floor(end)) {
        throw CodedError(info.Env(), "INVALID_ARGUMENT", "readRanges: a range is outside the file");
      }
      const size_t len = static_cast<size_t>(end - start);
      if (len > cap - pos) throw CodedError(info.Env(), "INVALID_ARGUMENT", "readRanges: target is too small");
      if (len > 0) std::memcpy(const_cast<uint8_t*>(dst) + pos, f.data() + static_cast<size_t>(start), len);
      pos += len;
    }
    return Napi::Number::New(info.Env(), static_cast<double>(pos));
  }
  Napi::Value Advise(const Napi::CallbackInfo& info) {
    const vecgres::MappedFile& f = Open(info.Env());
    if (info.Length() < 1 || !info[0].IsString()) {
      throw CodedError(info.Env(), "INVALID_ARGUMENT", "advise: hint must be a string");
    }
    const std::string h = info[0].As<Napi::String>().Utf8Value();
    vecgres::AccessHint hint;
    if (h == "normal") hint = vecgres::AccessHint::kNormal;
    else if (h == "sequential") hint = vecgres::AccessHint::kSequential;
    else if (h == "random") hint = vecgres::AccessHint::kRandom;
    else if (h == "willneed") hint = vecgres::AccessHint::kWillNeed;
    else if (h == "dontneed") hint = vecgres::AccessHint::kDontNeed;
    else throw CodedError(info.Env(), "INVALID_ARGUMENT", "advise: unknown hint '" + h + "'");
    const size_t offset = info.Length() > 1 && !info[1].IsUndefined() ? SizeArg(info, 1, "advise: offset") : 0;
    const size_t length = info.Length() > 2 && !info[2].IsUndefined() ? SizeArg(info, 2, "advise: length") : f.size();
    vecgres::Status st = f.advise(hint, offset, length);
    if (!st.is_ok()) throw CodedError(info.Env(), "INTERNAL", st.message);
    return info.Env().Undefined();
  }

  SharedMapping mapping_;
};

class OpenMappedFileWorker : public StorageWorker {
 public:
  OpenMappedFileWorker(Napi::Env env, std::string path, Napi::Function ctor)
      : StorageWorker(env), path_(std::move(path)), ctor_(Napi::Persistent(ctor)) {}
  void Execute() override {
    auto file = std::make_shared<vecgres::MappedFile>();
    int err = 0;
    vecgres::Status st = vecgres::MappedFile::open(path_.c_str(), file.get(), &err);
    if (!st.is_ok()) {
      const char* code = st.code == vecgres::StatusCode::kNotSupported ? "NOT_SUPPORTED"
                         : err != 0                                     ? ErrnoCode(err)
                                                                        : "INVALID_ARGUMENT";
      std::string msg = std::string(st.message) + " \"" + path_ + "\"";
      if (err != 0) msg += std::string(": ") + std::strerror(err);
      Fail(code, msg);
      return;
    }
    mapping_ = std::move(file);
  }
  Napi::Value Result(Napi::Env env) override {
    auto* owned = new SharedMapping(std::move(mapping_));
    return ctor_.New({Napi::External<SharedMapping>::New(env, owned)});
  }

 private:
  std::string path_;
  Napi::FunctionReference ctor_;
  SharedMapping mapping_;
};

// Reads the range through the mapping in steps of kMappedCrcStep bytes and releases each step
// from the process once summed (MADV_DONTNEED): verifying a file leaves the process's RSS at one
// step, while the page cache keeps the pages in the folios the mapping faulted them in (2 MiB
// ones where the kernel can: see mapped_file.cpp), ready for the searches that map them again.
constexpr size_t kMappedCrcStep = size_t{8} << 20;

class MappedCrcWorker : public StorageWorker {
 public:
  MappedCrcWorker(Napi::Env env, SharedMapping m, size_t offset, size_t len, uint32_t seed)
      : StorageWorker(env), mapping_(std::move(m)), offset_(offset), len_(len), crc_(seed) {}
  void Execute() override {
    for (size_t done = 0; done < len_;) {
      const size_t step = std::min(kMappedCrcStep, len_ - done);
      crc_ = vecgres::crc32c(crc_, mapping_->data() + offset_ + done, step);
      (void)mapping_->advise(vecgres::AccessHint::kDontNeed, offset_ + done, step);
      done += step;
    }
  }
  Napi::Value Result(Napi::Env env) override { return Napi::Number::New(env, crc_); }

 private:
  SharedMapping mapping_;  // a lease: close() during the work cannot unmap these bytes
  size_t offset_;
  size_t len_;
  uint32_t crc_ = 0;
};

Napi::Value Crc32cSync(const Napi::CallbackInfo& info) {
  const uint8_t* data = nullptr;
  size_t len = 0;
  if (info.Length() < 1 || !BytesOf(info[0], &data, &len)) {
    throw CodedError(info.Env(), "INVALID_ARGUMENT", "crc32c: data must be a TypedArray or ArrayBuffer");
  }
  if (len > kSyncCrcLimit) {
    throw CodedError(info.Env(), "INVALID_ARGUMENT", "crc32c: inputs over 64 KiB must use crc32cAsync");
  }
  return Napi::Number::New(info.Env(), vecgres::crc32c(SeedArg(info, 1), data, len));
}

Napi::Value Crc32cAsync(const Napi::CallbackInfo& info) {
  const uint8_t* data = nullptr;
  size_t len = 0;
  if (info.Length() < 1 || !BytesOf(info[0], &data, &len)) {
    throw CodedError(info.Env(), "INVALID_ARGUMENT", "crc32cAsync: data must be a TypedArray or ArrayBuffer");
  }
  auto* w = new Crc32cWorker(info.Env(), info[0].As<Napi::Object>(), data, len, SeedArg(info, 1));
  Napi::Promise p = w->Promise();
  w->Queue();
  return p;
}

Napi::Value Crc32cHardware(const Napi::CallbackInfo& info) {
  return Napi::Boolean::New(info.Env(), vecgres::crc32c_hardware_available());
}

Napi::Value OpenMappedFile(const Napi::CallbackInfo& info) {
  if (info.Length() < 1 || !info[0].IsString()) {
    throw CodedError(info.Env(), "INVALID_ARGUMENT", "openMappedFile: path must be a string");
  }
  auto* ctor = static_cast<Napi::FunctionReference*>(info.Data());
  auto* w = new OpenMappedFileWorker(info.Env(), info[0].As<Napi::String>().Utf8Value(), ctor->Value());
  Napi::Promise p = w->Promise();
  w->Queue();
  return p;
}

Napi::Value MappedCrc32c(const Napi::CallbackInfo& info) {
  SharedMapping m;
  if (info.Length() < 1 || !AcquireMappedFile(info[0], &m)) {
    throw CodedError(info.Env(), "INVALID_ARGUMENT", "mappedCrc32c: first argument must be an open MappedFile");
  }
  const size_t offset = SizeArg(info, 1, "mappedCrc32c: offset");
  const size_t len = SizeArg(info, 2, "mappedCrc32c: length");
  if (offset > m->size() || len > m->size() - offset) {
    throw CodedError(info.Env(), "INVALID_ARGUMENT", "mappedCrc32c: range is outside the file");
  }
  auto* w = new MappedCrcWorker(info.Env(), std::move(m), offset, len, SeedArg(info, 3));
  Napi::Promise p = w->Promise();
  w->Queue();
  return p;
}

// Async entry points report bad arguments as a rejected promise, never a synchronous throw
// (the convention of every promise-returning addon function).
template <Napi::Value (*F)(const Napi::CallbackInfo&)>
Napi::Value RejectOnThrow(const Napi::CallbackInfo& info) {
  try {
    return F(info);
  } catch (const Napi::Error& e) {
    Napi::Promise::Deferred d = Napi::Promise::Deferred::New(info.Env());
    d.Reject(e.Value());
    return d.Promise();
  }
}

AddonMappedFile* UnwrapTagged(Napi::Value v) {
  if (!v.IsObject()) return nullptr;
  Napi::Object o = v.As<Napi::Object>();
  if (!o.CheckTypeTag(&kMappedFileTag)) return nullptr;
  return Napi::ObjectWrap<AddonMappedFile>::Unwrap(o);
}

}  // namespace

bool UnwrapMappedFile(Napi::Value v, const uint8_t** data, size_t* bytes) {
  AddonMappedFile* f = UnwrapTagged(v);
  if (f == nullptr || !f->mapping()) return false;
  *data = f->mapping()->data();
  *bytes = f->mapping()->size();
  return true;
}

bool AcquireMappedFile(Napi::Value v, SharedMapping* out) {
  AddonMappedFile* f = UnwrapTagged(v);
  if (f == nullptr || !f->mapping()) return false;
  *out = f->mapping();
  return true;
}

void RegisterStorage(Napi::Env env, Napi::Object exports) {
  Napi::Function ctor = AddonMappedFile::DefineClass(env);
  // Owned by the env: freed by the cleanup hook when the env (or worker thread) goes away.
  auto* ctor_ref = new Napi::FunctionReference(Napi::Persistent(ctor));
  env.AddCleanupHook([ctor_ref]() { delete ctor_ref; });
  exports.Set("MappedFile", ctor);
  exports.Set("crc32c", Napi::Function::New(env, Crc32cSync, "crc32c"));
  exports.Set("crc32cAsync", Napi::Function::New(env, RejectOnThrow<Crc32cAsync>, "crc32cAsync"));
  exports.Set("crc32cHardware", Napi::Function::New(env, Crc32cHardware, "crc32cHardware"));
  exports.Set("openMappedFile", Napi::Function::New(env, RejectOnThrow<OpenMappedFile>, "openMappedFile", ctor_ref));
  exports.Set("mappedCrc32c", Napi::Function::New(env, RejectOnThrow<MappedCrc32c>, "mappedCrc32c"));
}
