window.scriptLog.push("async-not-defer " + document.readyState);
