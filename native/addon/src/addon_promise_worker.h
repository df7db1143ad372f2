// PromiseWorker: the base of every O(n) native call.
//
//   JS thread                      libuv threadpool              JS thread
//   parse + validate args  ──▶     Run() (no Napi calls)  ──▶    OnOK: resolve(Result())
//   Keep() every buffer            throws AddonError / any       OnError: reject(NativeError)
//   return Promise
//
// The worker holds a strong reference to every input and output buffer from the moment they
// are validated until the promise settles, so the GC cannot free memory that Run() reads or
// writes through raw pointers (zero copy in, caller-allocated out). It does not stop JS from
// detaching/transferring an ArrayBuffer mid-call: callers must not transfer a buffer they
// passed to a pending call.
#pragma once

#include <napi.h>

#include <memory>
#include <string>
#include <vector>

#include "addon_errors.h"

namespace vecgres_addon {

// Pins the buffers a native call reads or writes through raw pointers while it runs.
class BufferKeeper {
 public:
  virtual void Keep(const Napi::Object& object) = 0;

 protected:
  ~BufferKeeper() = default;
};

// For calls that finish before they return to JS: their arguments stay alive for the call
// anyway, so nothing needs pinning (no persistent references to create and delete).
class CallScope final : public BufferKeeper {
 public:
  void Keep(const Napi::Object&) override {}
};

class AddonPromiseWorker : public Napi::AsyncWorker, public BufferKeeper {
 public:
  // Queues `worker` on the threadpool (ownership passes to libuv/node-addon-api, which deletes
  // it after OnOK/OnError) and returns its promise.
  static Napi::Value Start(std::unique_ptr<AddonPromiseWorker> worker);

  // Pins `object` (an ArrayBuffer or TypedArray whose memory Run() touches) until settled.
  void Keep(const Napi::Object& object) override;

 protected:
  AddonPromiseWorker(Napi::Env env, const char* resource_name);

  // Runs on a threadpool thread: must not touch napi. Throw AddonError to reject with its code;
  // std::bad_alloc rejects with OUT_OF_MEMORY and anything else with INTERNAL.
  virtual void Run() = 0;

  // Builds the resolution value on the JS thread (default: undefined).
  virtual Napi::Value Result(Napi::Env env);

 private:
  void Execute() final;
  void OnOK() final;
  void OnError(const Napi::Error& error) final;
  void Fail(vecgres::StatusCode code, const std::string& message);

  Napi::Promise::Deferred deferred_;
  std::vector<Napi::ObjectReference> kept_;
  vecgres::StatusCode error_code_ = vecgres::StatusCode::kInternal;
};

// Runs `body` (which parses arguments and returns a promise) and turns any synchronous failure
// into a rejected promise, so JS callers see one failure path: `await` throws a NativeError.
template <typename Body>
Napi::Value PromiseCall(const Napi::CallbackInfo& info, Body&& body) {
  Napi::Env env = info.Env();
  try {
    return body();
  } catch (const AddonError& e) {
    return RejectedPromise(env, e.code(), e.what());
  } catch (const Napi::Error& e) {
    // A JS exception raised while reading the arguments (e.g. a throwing getter).
    return RejectedPromise(env, vecgres::StatusCode::kInvalidArgument, e.Message());
  } catch (const std::bad_alloc&) {
    return RejectedPromise(env, vecgres::StatusCode::kOutOfMemory, "out of memory");
  } catch (const std::exception& e) {
    return RejectedPromise(env, vecgres::StatusCode::kInternal, e.what());
  }
}

}  // namespace vecgres_addon
