#include "addon_promise_worker.h"

#include <exception>
#include <new>
#include <utility>

namespace vecgres_addon {

AddonPromiseWorker::AddonPromiseWorker(Napi::Env env, const char* resource_name)
    : Napi::AsyncWorker(env, resource_name), deferred_(Napi::Promise::Deferred::New(env)) {}

Napi::Value AddonPromiseWorker::Start(std::unique_ptr<AddonPromiseWorker> worker) {
  Napi::Promise promise = worker->deferred_.Promise();
  worker.release()->Queue();
  return promise;
}

void AddonPromiseWorker::Keep(const Napi::Object& object) {
  kept_.push_back(Napi::Persistent(object));
}

Napi::Value AddonPromiseWorker::Result(Napi::Env env) { return env.Undefined(); }

void AddonPromiseWorker::Execute() {
  // Nothing may escape: an exception leaving Execute would terminate the process.
  try {
    Run();
  } catch (const AddonError& e) {
    Fail(e.code(), e.what());
  } catch (const std::bad_alloc&) {
    Fail(vecgres::StatusCode::kOutOfMemory, "out of memory");
  } catch (const std::exception& e) {
    Fail(vecgres::StatusCode::kInternal, std::string("internal error: ") + e.what());
  } catch (...) {
    Fail(vecgres::StatusCode::kInternal, "internal error: unknown native exception");
  }
}

void AddonPromiseWorker::Fail(vecgres::StatusCode code, const std::string& message) {
  error_code_ = code;
  SetError(message);
}

void AddonPromiseWorker::OnOK() {
  Napi::Env env = Env();
  deferred_.Resolve(Result(env));
}

void AddonPromiseWorker::OnError(const Napi::Error& error) {
  Napi::Env env = Env();
  deferred_.Reject(MakeNativeError(env, error_code_, error.Message()).Value());
}

}  // namespace vecgres_addon
