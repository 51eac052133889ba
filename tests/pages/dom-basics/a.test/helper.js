console.log("helper script ran");
